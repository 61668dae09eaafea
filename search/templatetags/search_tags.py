"""Presentation helpers for the search results page."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cms import actions

register = template.Library()


@register.filter
def distance_label(metres):
    """'± 800 meter' or '± 1,2 kilometer' (rounded: the postcode centre is approximate)."""
    if metres is None:
        return ""
    rounded = max(50, round(metres / 50) * 50)
    if rounded < 1000:
        return _("± %(n)s meter") % {"n": rounded}
    km = number_format(round(metres / 1000, 1), decimal_pos=1)
    return _("± %(n)s kilometer") % {"n": km}


@register.simple_tag(takes_context=True)
def undo_understood(context, key):
    """The current search's query string with one understood part undone (?negeer=key)."""
    request = context["request"]
    query = request.GET.copy()
    ignored = [v for item in query.getlist("negeer") for v in item.split(",") if v]
    query.setlist("negeer", list(dict.fromkeys([*ignored, key])))
    query.pop("pagina", None)
    return "?" + query.urlencode()


@register.simple_tag
def filter_count(params):
    """How many filter values are chosen: the n in "Filters (n)"."""
    if params is None:
        return 0
    return sum(len(values) for values in params.filters().values()) + int(params.open_now)


@register.simple_tag
def result_actions(item):
    """Bel, Route, Website, Mail for a search result (public contact data only)."""
    contact = item.contact or {}
    return actions.build(
        phone=contact.get("phone", ""),
        email=contact.get("email", ""),
        website=contact.get("website", ""),
        places=item.locations,
    )
