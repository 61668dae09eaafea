"""The language switcher and the hreflang alternates: the same page in every language."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: code, name, the address of this page in it, and whether active.

    A Wagtail page links to its live translation (which may have its own slug), and a
    routable page's sub-page (a theme under /voorzieningen/thema/geld/, a correction form) to
    the same sub-page of the translation; anything else, and a page not translated yet, keeps
    its path and query string under the language's prefix (Django's translate_url), where the
    Dutch page is shown with a note.
    """
    request = context.get("request")
    if request is None:
        return []
    full_path = request.get_full_path()
    query = request.META.get("QUERY_STRING", "")
    translations = _live_translations(context.get("page"))
    below = _below_page(request, context.get("page")) if translations else ""
    active = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        page = translations.get(code)
        if page is not None:
            url = page.get_url(request=request) + below + (f"?{query}" if query else "")
        else:
            url = translate_url(full_path, code)
        links.append({"code": code, "name": name, "url": url, "active": code == active})
    return links


@register.simple_tag(takes_context=True)
def content_language(context):
    """The page's own language when it differs from the interface's (an untranslated page)."""
    page = context.get("page")
    locale = getattr(page, "locale", None)
    if locale is None or locale.language_code == translation.get_language():
        return ""
    return locale.language_code


def _below_page(request, page) -> str:
    """The part of the address below the page's own (``thema/geld/`` on a routable page)."""
    own = urlsplit(page.get_url(request=request) or "").path
    # The address in the active language first: a Dutch page shown under /en/ (no translation
    # yet) has its own address without the prefix ("/" for the home page).
    for prefix in (in_active_language(own), own):
        if prefix and request.path.startswith(prefix):
            return request.path[len(prefix) :]
    return ""


def _live_translations(page):
    if page is None or not hasattr(page, "get_translations"):
        return {}
    return {
        item.locale.language_code: item
        for item in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.filter
def in_active_language(url):
    """A site address in the active language: "/loketten/" becomes "/en/loketten/" under
    /en/ (the English page, or the Dutch one with a note). Empty stays empty."""
    if not url:
        return url
    active = translation.get_language()
    source = next(
        (code for code, _name in settings.LANGUAGES if url.startswith(f"/{code}/")),
        settings.LANGUAGE_CODE,
    )
    with translation.override(source):  # resolve the address in its own language
        return translate_url(url, active)
