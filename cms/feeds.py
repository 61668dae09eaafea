"""iCalendar downloads per loket, both built by ``ical.to_ical``:

- ``/agenda/<slug>.ics``: the subscription feed (sessions of the next 180 days), offered as a
  ``webcal://`` link so a phone or calendar program subscribes and stays up to date;
- ``/agenda/<slug>/volgende.ics``: one event, "the next time", to add once.
"""

from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone

from agenda import ical
from cms.models import ServicePage
from cms.translations import source_pages


def _calendar_response(request, slug: str, *, limit: int | None, filename: str, disposition):
    service = source_pages(ServicePage.objects.live().public()).filter(slug=slug).first()
    if service is None or not service.has_schedule:
        raise Http404
    body = ical.to_ical(
        service.schedule(),
        name=service.title,
        uid_prefix=f"voorziening-{service.slug}",
        now=timezone.now(),
        url=service.get_full_url(request) or "",
        limit=limit,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def ical_feed(request, slug):
    return _calendar_response(
        request, slug, limit=None, filename=f"{slug}.ics", disposition="inline"
    )


def next_event(request, slug):
    return _calendar_response(
        request, slug, limit=1, filename=f"{slug}-volgende-keer.ics", disposition="attachment"
    )


urlpatterns = [
    path("agenda/<slug:slug>.ics", ical_feed, name="ical-feed"),
    path("agenda/<slug:slug>/volgende.ics", next_event, name="agenda-next-event"),
]
