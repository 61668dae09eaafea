"""Thin views: read the question, call ``search.query``, present the typed result."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from cms.responses import json_response

from . import query
from .params import ParamError, clean_query, parse

MAX_SUGGEST_LENGTH = 100


@require_GET
def api_search(request):
    try:
        parsed = parse(request.GET)
    except ParamError as error:
        return json_response(error.to_dict(), status=400)
    result = query.run(parsed.params)
    result.warnings = parsed.warnings
    return json_response(result.to_dict())


@require_GET
def api_suggest(request):
    prefix = clean_query(request.GET.get("q", ""))[:MAX_SUGGEST_LENGTH]
    return json_response({"query": prefix, "suggestions": query.suggest(prefix)})


@require_GET
def results_page(request):
    context: dict = {"q": clean_query(request.GET.get("q", ""))[:500]}
    try:
        parsed = parse(request.GET)
    except ParamError as error:
        context["error"] = error.message
        return render(request, "search/results.html", context, status=400)
    params = parsed.params
    result = query.run(params)
    context.update(
        params=params,
        result=result,
        postcode=parsed.postcode,
        warnings=parsed.warnings,
        selected=params.filters(),
        show_help=result.count == 0 or not (params.q or params.has_filters),
        page_numbers=range(1, result.pages + 1),
    )
    return render(request, "search/results.html", context)
