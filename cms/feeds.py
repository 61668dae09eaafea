"""iCalendar feed per loket: /agenda/<slug>.ics"""

from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone

from agenda import schedules
from cms.models import ServicePage


def ical_feed(request, slug):
    service = ServicePage.objects.live().public().filter(slug=slug).first()
    if service is None or not service.has_schedule:
        raise Http404
    body = schedules.to_ical(
        service.schedule(),
        name=service.title,
        uid_prefix=f"voorziening-{service.slug}",
        now=timezone.now(),
        url=service.get_full_url(request) or "",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{service.slug}.ics"'
    return response


urlpatterns = [path("agenda/<slug:slug>.ics", ical_feed, name="ical-feed")]
