"""The map page and its GeoJSON feeds. Thin: every search goes through ``search.query.run``
with the same parameters as /zoeken/, so the map, the list and the URL share one state."""

from __future__ import annotations

import dataclasses

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cms.responses import json_response
from search import query
from search.params import ParamError, parse

from . import config, features, page_data

# The map shows at most this many services at once; beyond it the resident narrows the
# question down or pages on (``pagina``), and the page and the GeoJSON say so.
MAP_LIMIT = 500


def geojson_response(data: dict, status: int = 200):
    return json_response(data, status, content_type="application/geo+json")


def _map_results(params, *, record: bool):
    return query.run(dataclasses.replace(params, page_size=MAP_LIMIT), record=record)


def _paging(result) -> dict:
    """How many services match, how many this map shows, and which page of them it is."""
    return {
        "count": result.count,
        "shown": len(result.results),
        "page": result.page,
        "pages": result.pages,
        "page_size": result.page_size,
    }


@require_GET
def map_page(request):
    context: dict = {"q": request.GET.get("q", "")[:500], "config": config.map_config()}
    try:
        parsed = parse(request.GET)
    except ParamError as error:
        context["error"] = error.message
        return render(request, "kaart/map_page.html", context, status=400)
    params = parsed.params
    result = _map_results(params, record=True)
    collection = features.results_collection(result.results)
    mapped = {f["properties"]["slug"] for f in collection["features"]}
    context.update(
        q=params.q,
        params=params,
        result=result,
        postcode=parsed.postcode,
        warnings=parsed.warnings,
        config=config.map_config(params.origin),
        features=page_data.compact_places(collection),
        wijken=page_data.compact_boundaries(features.wijken_collection()),
        place_count=len(collection["features"]),
        mapped_count=len(mapped),
        unmapped_count=len(result.results) - len(mapped),
        paging=_paging(result),
    )
    return render(request, "kaart/map_page.html", context)


@require_GET
def map_geojson(request):
    """/api/kaart.geojson: the same parameters and results as /api/zoeken/, as map points."""
    try:
        parsed = parse(request.GET)
    except ParamError as error:
        return geojson_response(error.to_dict(), status=400)
    result = _map_results(parsed.params, record=False)
    data = features.results_collection(result.results)
    data.update(_paging(result))
    data["engine"] = str(result.engine)
    if parsed.warnings:
        data["warnings"] = parsed.warnings
    return geojson_response(data)


@require_GET
def wijken_geojson(request):
    return geojson_response(features.wijken_collection())
