import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.access import can_see_professional_fields
from editorial.whos_who import referral_mailto as _referral_mailto

register = template.Library()


@register.filter
def referral_mailto(service) -> str:
    """'Doorverwijzen': a prefilled mailto: link to the service's contact person."""
    return _referral_mailto(service)


@register.simple_tag(takes_context=True)
def professional_access(context) -> bool:
    """The one decision point, for templates that render without the context processor."""
    request = context.get("request")
    return can_see_professional_fields(getattr(request, "user", None))


@register.filter
def breakable_email(address: str) -> str:
    """An e-mail address that may wrap only after the @ and before a dot, never mid-word."""
    parts = [escape(part) for part in re.split(r"(?=\.)|(?<=@)", address or "")]
    return mark_safe("<wbr>".join(parts))
