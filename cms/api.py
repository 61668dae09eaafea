"""Read-only JSON API: services, wijken and loketten."""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

from cms.models import ServicePage, WijkPage
from cms.models.pages import loket_services, loket_services_in_every_language
from cms.paging import page_number, paginate
from cms.serializers import loket_data, service_detail, service_summary, wijk_data
from cms.translations import localized, source_pages


def _all_services():
    return (
        ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .prefetch_related("themes", "target_groups", "places__wijk", "wijken")
        .order_by("title")
    )


def _services():
    """Every service once (its Dutch source); ``?lang=en`` shows the English translation."""
    return source_pages(_all_services())


PAGE_SIZE = 100


def _page(request, queryset):
    try:
        number = page_number(request.GET.get("pagina"))
    except BadRequest as error:
        return None, JsonResponse(
            {"error": "invalid_parameter", "field": "pagina", "message": str(error)}, status=400
        )
    return paginate(queryset, number, PAGE_SIZE), None


@require_GET
def service_list(request):
    """Paginated: ``?pagina=2``; ``count`` is the number of services in all pages."""
    page, error = _page(request, _services())
    if error:
        return error
    return JsonResponse(
        {
            **page.to_dict(),
            "results": [service_summary(s) for s in localized(page.items, _all_services())],
        }
    )


@require_GET
def service_item(request, slug):
    service = _services().filter(slug=slug).first()
    if service is None:
        return JsonResponse(
            {"error": "not_found", "message": f"Er is geen voorziening met de naam '{slug}'."},
            status=404,
        )
    # The public API never includes professional fields, whoever asks.
    return JsonResponse(service_detail(localized([service], _all_services())[0]))


@require_GET
def wijk_list(request):
    wijken = WijkPage.objects.live().public().prefetch_related("sleutelpersonen").order_by("title")
    shown = localized(source_pages(wijken), wijken)
    return JsonResponse({"results": [wijk_data(w) for w in shown]})


@require_GET
def loket_list(request):
    page, error = _page(request, loket_services())
    if error:
        return error
    shown = localized(page.items, loket_services_in_every_language())
    return JsonResponse({**page.to_dict(), "results": [loket_data(s) for s in shown]})


urlpatterns = [
    path("voorzieningen/", service_list, name="api-services"),
    path("voorzieningen/<str:slug>/", service_item, name="api-service"),
    path("wijken/", wijk_list, name="api-wijken"),
    path("loketten/", loket_list, name="api-loketten"),
]
