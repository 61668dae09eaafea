"""Small presentation helpers for the public templates (no business logic here)."""

import datetime
import re

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from agenda import schedules, wording
from cms import languages

register = template.Library()

# The language of the page content. Dates are written in it, whatever language the
# visitor's browser asks for, so a Dutch page never shows "Monday 23 November".
CONTENT_LANGUAGE = "nl"


def _today() -> datetime.date:
    return timezone.now().astimezone(schedules.TIMEZONE).date()


@register.simple_tag
def upcoming_closures(service, days=60):
    """Closures of a service in the coming `days` days (holidays and exceptions)."""
    if service is None or not getattr(service, "has_schedule", False):
        return []
    return schedules.upcoming_closures(service.schedule(), _today(), days)


@register.simple_tag
def opening_state(service):
    """Open now until when, or when it opens next (agenda.wording.OpeningState), or None."""
    if service is None or not getattr(service, "has_schedule", False):
        return None
    return wording.opening_state(service.schedule(), timezone.now())


@register.simple_tag
def service_actions(service):
    """The action row of a service page: Bel, Route, Website, Mail where present."""
    from cms import actions

    return actions.for_service(service)


@register.filter
def day_label(value):
    """'Vandaag, donderdag 5 december', 'Morgen, …' or 'Zaterdag 7 december'."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.astimezone(schedules.TIMEZONE).date()
    today = _today()
    with override(CONTENT_LANGUAGE):
        text = date_format(value, "l j F" if value.year == today.year else "l j F Y")
        if value == today:
            return _("Vandaag, %(date)s") % {"date": text}
        if value == today + datetime.timedelta(days=1):
            return _("Morgen, %(date)s") % {"date": text}
    return capfirst(text)


@register.filter
def in_shown_order(items):
    """Themes or target groups in the editors' order, then by the name shown (English on /en/)."""
    from cms.models.in_language import in_shown_order as ordered

    return ordered(items)


@register.filter
def with_organisations(services):
    """(service, its organisation in the active language) for a list of services: the English
    organisation page on /en/ when there is one, the Dutch one otherwise (one query)."""
    from cms.translations import with_localized

    return with_localized(services, "organisation")


@register.filter
def language_names(codes):
    """["nl", "ar"] -> "Nederlands, Arabisch" (in the active language)."""
    return ", ".join(languages.name(code) for code in codes or ())


@register.filter
def long_date(value):
    """'1 oktober 2025', in the language of the content."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.astimezone(schedules.TIMEZONE).date()
    with override(CONTENT_LANGUAGE):
        return date_format(value, "j F Y")


@register.filter
def tel(number):
    """A tel: URL for a Dutch phone number as typed by editors ('0297 000 001')."""
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if digits else ""


@register.filter
def display_url(url):
    """A website address without 'https://', 'www.' and the trailing slash, for link text."""
    text = re.sub(r"^https?://(www\.)?", "", url or "")
    return text.rstrip("/")


@register.simple_tag(takes_context=True)
def aria_current(context, url):
    """' aria-current="page"' on the navigation link of the section the visitor is in."""
    request = context.get("request")
    if not url or request is None:
        return ""
    path = request.path
    # A home page ("/", "/en/") is current only on itself, a section also on its sub-pages.
    is_home = url.strip("/") in ("", *(code for code, _name in settings.LANGUAGES))
    current = path == url if is_home else path.startswith(url)
    return mark_safe(' aria-current="page"') if current else ""


def _service_index(context):
    index = context.get("service_index")
    if index is not None:
        return index
    request = context.get("request")
    cached = getattr(request, "_kaart_service_index", False) if request else False
    if cached is not False:
        return cached
    from cms.models import ServiceIndexPage
    from cms.translations import localized_page, source_pages

    index = localized_page(source_pages(ServiceIndexPage.objects.live()).first())
    if request is not None:
        request._kaart_service_index = index
    return index


@register.simple_tag(takes_context=True)
def theme_url(context, theme):
    """The page listing all services of a theme: <service index>thema/<slug>/."""
    index = _service_index(context)
    if index is None or theme is None:
        return ""
    return f"{index.get_url(context.get('request'))}thema/{theme.slug}/"


THEME_ICONS = frozenset({"euro", "huis", "hart", "mensen", "kind", "werk", "handen", "taal"})


@register.simple_tag
def theme_icon(theme):
    """The id of the theme's symbol in static/img/themes.svg, or '' when there is none."""
    icon = getattr(theme, "icon", "")
    return icon if icon in THEME_ICONS else ""


@register.simple_tag
def all_themes():
    from cms.models import Theme
    from cms.models.in_language import in_shown_order

    return in_shown_order(Theme.objects.all())


@register.simple_tag
def example_questions():
    """Questions in residents' own words, shown as examples under the search box."""
    return [
        _("ik kan de huur niet betalen"),
        _("ik voel me alleen"),
        _("hulp bij formulieren"),
        _("ik zorg voor mijn moeder"),
        _("Nederlands leren"),
    ]
