"""HSDS 3.0 read API under /api/hsds/ (thin views; mapping in hsds_records, parameters in
hsds_queries). Every error is JSON with a Dutch ``message``."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from agenda import schedules
from cms.models import TargetGroup, Theme

from . import hsds_records, hsds_spec, ids, licence, own_api
from .hsds_queries import (
    ParamError,
    page_of,
    paging,
    parse_uuid,
    public_organisations,
    public_services,
    services_for,
)


def _links(request) -> hsds_records.Links:
    return hsds_records.Links(absolute=request.build_absolute_uri)


def _today():
    return timezone.now().astimezone(schedules.TIMEZONE).date()


def _flag(request, name: str) -> bool:
    return request.GET.get(name, "").strip().lower() in ("1", "true", "yes", "ja")


def _bad_request(error: ParamError) -> JsonResponse:
    return JsonResponse(
        {"error": "bad_request", "parameter": error.parameter, "message": error.message},
        status=400,
    )


def _not_found(kind: str) -> JsonResponse:
    return JsonResponse(
        {"error": "not_found", "message": f"Er is geen {kind} met dit id."}, status=404
    )


def _list(request, build) -> JsonResponse:
    try:
        page = paging(request.GET)
        items = build()
    except ParamError as error:
        return _bad_request(error)
    return JsonResponse(page_of(items, page))


@require_GET
def root(request):
    return JsonResponse(
        {
            "version": hsds_records.HSDS_VERSION,
            "profile": hsds_spec.PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("hsds-openapi")),
            "license": licence.current(),
        }
    )


@require_GET
def openapi(request):
    server = request.build_absolute_uri(reverse("hsds-root")).rstrip("/")
    document = hsds_spec.corrected_openapi(server)
    document["info"]["license"] = licence.openapi_licence()
    return JsonResponse(document)


@require_GET
def own_openapi(request):
    """OpenAPI 3.1 document of /api/ (voorzieningen, wijken, loketten, zoeken, kaart)."""
    document = {**own_api.openapi_document()}
    document["info"] = {**document["info"], "license": licence.openapi_licence()}
    return JsonResponse(document)


@require_GET
def service_list(request):
    links, full = _links(request), _flag(request, "full")

    def build():
        services = services_for(request.GET)
        if full:
            today = _today()
            return [hsds_records.service_full(s, links, today=today) for s in services]
        return [
            _with_organisation(hsds_records.service_summary(s, links), s, links) for s in services
        ]

    return _list(request, build)


def _with_organisation(record: dict, service, links) -> dict:
    if service.organisation:
        record["organization"] = hsds_records.organization(service.organisation, links)
    return record


def _service_by_id(value: str):
    try:
        key = parse_uuid({"id": value}, "id")
    except ParamError:
        return None
    return public_services().filter(translation_key=key).first()


@require_GET
def service_item(request, id):
    service = _service_by_id(id)
    if service is None:
        return _not_found("voorziening")
    return JsonResponse(hsds_records.service_full(service, _links(request), today=_today()))


@require_GET
def organization_list(request):
    links = _links(request)
    full, full_service = _flag(request, "full"), _flag(request, "full_service")

    def build():
        text = " ".join(request.GET.get("search", "").split()).lower()
        organisations = [o for o in public_organisations() if not text or text in o.title.lower()]
        return [_organisation(o, links, full or full_service, full_service) for o in organisations]

    return _list(request, build)


def _organisation(organisation, links, with_services: bool, full_services: bool) -> dict:
    if not with_services:
        return hsds_records.organization(organisation, links)
    services = public_services().filter(organisation=organisation)
    record = hsds_records.organization(organisation, links, services=services)
    if full_services:
        today = _today()
        record["services"] = [hsds_records.service_full(s, links, today=today) for s in services]
    return record


@require_GET
def organization_item(request, id):
    try:
        key = parse_uuid({"id": id}, "id")
    except ParamError:
        key = None
    organisation = public_organisations().filter(translation_key=key).first() if key else None
    if organisation is None:
        return _not_found("aanbieder")
    return JsonResponse(
        _organisation(organisation, _links(request), True, _flag(request, "full_service"))
    )


def _service_places(services):
    return [(service, place) for service in services for place in service.places.all()]


@require_GET
def service_at_location_list(request):
    links, full = _links(request), _flag(request, "full")

    def build():
        today = _today()
        return [
            hsds_records.service_at_location(s, p, links, today=today, nested=full)
            for s, p in _service_places(services_for(request.GET))
        ]

    return _list(request, build)


@require_GET
def service_at_location_item(request, id):
    for service, place in _service_places(public_services()):
        if ids.service_at_location_id(service, place) == id.lower():
            record = hsds_records.service_at_location(
                service, place, _links(request), today=_today()
            )
            record["service"] = hsds_records.service_summary(service, _links(request))
            return JsonResponse(record)
    return _not_found("voorziening op deze locatie")


@require_GET
def taxonomy_list(request):
    def build():
        text = " ".join(request.GET.get("search", "").split()).lower()
        return [t for t in hsds_records.taxonomies(_links(request)) if text in t["name"].lower()]

    return _list(request, build)


@require_GET
def taxonomy_item(request, id):
    for taxonomy in hsds_records.taxonomies(_links(request)):
        if taxonomy["id"] == id.lower():
            return JsonResponse(taxonomy)
    return _not_found("indeling (taxonomie)")


def _terms(links) -> list[dict]:
    terms = [hsds_records.theme_term(t, links) for t in Theme.objects.all()]
    return terms + [hsds_records.target_group_term(g, links) for g in TargetGroup.objects.all()]


@require_GET
def taxonomy_term_list(request):
    def build():
        taxonomy_id = parse_uuid(request.GET, "taxonomy_id")
        parent_id = parse_uuid(request.GET, "parent_id")
        text = " ".join(request.GET.get("search", "").split()).lower()
        if parent_id:
            return []  # our labels have no sub-labels: every term is a top term
        return [
            t
            for t in _terms(_links(request))
            if (not taxonomy_id or t["taxonomy_id"] == taxonomy_id)
            and (not text or text in t["name"].lower() or text in t["description"].lower())
        ]

    return _list(request, build)


@require_GET
def taxonomy_term_item(request, id):
    for term in _terms(_links(request)):
        if term["id"] == id.lower():
            return JsonResponse(term)
    return _not_found("label (taxonomieterm)")
