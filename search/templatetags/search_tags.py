"""Presentation helpers for the search results page."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

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
