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


def brand_css(request):
    """``/huisstijl.css``: the editor's brand colours as CSS custom properties.

    A stylesheet instead of inline styles, so a strict Content Security Policy holds. The
    link in base.html carries ``?v=<version>``, which changes with the colours, so the
    browser may keep this for a year.
    """
    from django.http import HttpResponse
    from django.utils.cache import patch_cache_control

    from cms.models import BrandSettings

    brand = BrandSettings.for_request(request)
    lines = [f"  {name}: {value};" for name, value in brand.custom_properties().items()]
    body = ":root {\n" + "\n".join(lines) + "\n}\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    fresh = request.GET.get("v") == brand.version
    patch_cache_control(response, public=True, max_age=31_536_000 if fresh else 300)
    return response


def robots_txt(request):
    """Keep the admin and search result pages out of search engines; keep the whole site out
    while it shows example data (the "Voorbeeldgegevens" banner)."""
    from django.http import HttpResponse

    from cms.models import SiteSettings

    lines = ["User-agent: *"]
    if SiteSettings.for_request(request).example_data:
        lines.append("Disallow: /")
    else:
        lines += [
            "Disallow: /beheer/",
            "Disallow: /zoeken/",
            "Disallow: /api/",
            "Disallow: /inloggen/",
            "Disallow: /professionals/",
            f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
