"""Links to the iCalendar downloads of a loket (see cms/feeds.py)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def webcal_url(context, service) -> str:
    """The subscription feed as a ``webcal://`` link: calendar apps subscribe to it and
    fetch changes themselves. Without a request (e.g. in an e-mail) the plain path."""
    request = context.get("request")
    if request is None:
        return service.ical_url
    return f"webcal://{request.get_host()}{service.ical_url}"
