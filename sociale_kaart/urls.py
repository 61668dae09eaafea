from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import api, feeds, views
from cms.sitemap import SITEMAPS
from editorial.views.explorer import explore_or_edit
from editorial.views.public import admin_login
from kaart import urls as kaart_urls
from opendata.views import own_openapi
from search import urls as search_urls

from . import i18n
from .health import health


def _is_api(pattern) -> bool:
    return str(pattern.pattern).startswith("api/")


urlpatterns = [
    # Before Wagtail's own: a page without sub-pages opens in the editor, not as an empty list.
    path("beheer/pages/<int:parent_page_id>/", explore_or_edit),
    # Wagtail's own login view, with the same rate limit as /inloggen/.
    path("beheer/login/", admin_login, name="wagtailadmin_login"),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/openapi.json", own_openapi, name="openapi"),
    path("api/hsds/", include("opendata.urls")),
    path("api/", include(api.urlpatterns)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}),
    path("health/", health, name="health"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("huisstijl.css", views.brand_css, name="brand-css"),
    *feeds.urlpatterns,
    # The JSON endpoints of search and the map have one address (no /en/): ?lang= says more.
    *(pattern for pattern in search_urls.urlpatterns + kaart_urls.urlpatterns if _is_api(pattern)),
]

# The public site in every language: Dutch without a prefix (the links of old keep working),
# other languages under /<code>/ (/en/zoeken/). Admin, API, feeds, sitemap and robots above
# have one address only.
public_patterns = [
    *(
        pattern
        for pattern in search_urls.urlpatterns + kaart_urls.urlpatterns
        if not _is_api(pattern)
    ),
    path("", include("wegwijzer.urls")),
    path("", include("editorial.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *public_patterns,
    # Wagtail's page view, but an untranslated page falls back to the Dutch one.
    re_path(r"^((?:[\w\-]+/)*)$", i18n.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
