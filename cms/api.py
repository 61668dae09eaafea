"""Read-only JSON API: services, wijken and loketten."""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

from cms.models import ServicePage, WijkPage
from cms.models.pages import loket_services
from cms.serializers import loket_data, service_detail, service_summary, wijk_data


def _services():
    return (
        ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .prefetch_related("themes", "target_groups", "places__wijk", "wijken")
        .order_by("title")
    )


@require_GET
def service_list(request):
    results = [service_summary(service) for service in _services()]
    return JsonResponse({"count": len(results), "results": results})


@require_GET
def service_item(request, slug):
    service = _services().filter(slug=slug).first()
    if service is None:
        return JsonResponse(
            {"error": "not_found", "message": f"Er is geen voorziening met de naam '{slug}'."},
            status=404,
        )
    # The public API never includes professional fields, whoever asks.
    return JsonResponse(service_detail(service))


@require_GET
def wijk_list(request):
    wijken = WijkPage.objects.live().public().prefetch_related("sleutelpersonen").order_by("title")
    return JsonResponse({"results": [wijk_data(w) for w in wijken]})


@require_GET
def loket_list(request):
    return JsonResponse({"results": [loket_data(s) for s in loket_services()]})


urlpatterns = [
    path("voorzieningen/", service_list, name="api-services"),
    path("voorzieningen/<str:slug>/", service_item, name="api-service"),
    path("wijken/", wijk_list, name="api-wijken"),
    path("loketten/", loket_list, name="api-loketten"),
]
