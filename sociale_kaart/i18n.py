"""Serving Wagtail pages in every language, with the Dutch page when a translation is missing.

Under /en/ Wagtail routes through the English tree (the English translation of the home page).
A page that has no English translation yet is not a 404: the Dutch page with the same path is
shown, with a short note in the resident's language (see templates/base.html).
"""

from django.conf import settings
from django.http import Http404
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
