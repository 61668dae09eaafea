"""Error pages in plain Dutch (JSON for the API)."""

from django.core.exceptions import BadRequest
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def wants_json(request) -> bool:
    return request.path.startswith("/api/") or request.path.endswith(".geojson")


def bad_request(request, exception=None):
    """400. Our own ``BadRequest("…")`` carries a Dutch message for the visitor; anything else
    Django refuses (a bad Host header, a broken form) gets a general one."""
    if type(exception) is BadRequest and exception.args:
        message = str(exception.args[0])
    else:
        message = _("Wij begrijpen deze vraag niet. Kijk of het adres klopt.")
    if wants_json(request):
        return JsonResponse({"error": "bad_request", "message": message}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database may be the reason we are here.
    return HttpResponseServerError(loader.get_template("500.html").render())
