"""Serving Wagtail pages in every language, with the Dutch page when a translation is missing.

The middleware takes the language from the address alone. Under /en/ Wagtail routes through
the English tree (the English translation of the home page). A page that has no English
translation yet is not a 404: the Dutch page with the same path is shown, with a short note
in the resident's language (see templates/base.html).
"""

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site


def serve(request, path):
    """Wagtail's serve view, routed in the Dutch tree when the active language has no page."""
    if translation.get_language() != settings.LANGUAGE_CODE:
        request._wagtail_route_for_request = _route_with_fallback(request, path)
    return wagtail_views.serve(request, path)


def _route_with_fallback(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    localized_root = site.root_page.localized.specific
    try:
        return localized_root.route(request, components)
    except Http404:
        if localized_root.pk == site.root_page.pk:
            return None
    try:
        return site.root_page.specific.route(request, components)
    except Http404:
        return None


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but the language comes from the address only: the /en/
    prefix on the public site, ``?lang=`` on the API; otherwise Dutch. Never the browser's
    Accept-Language or a cookie, so a Dutch address always shows the same Dutch page and the
    API answers in Dutch unless asked."""

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        if language is None and request.path_info.startswith("/api/"):
            asked = request.GET.get("lang", "")
            language = asked if asked in dict(settings.LANGUAGES) else None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
