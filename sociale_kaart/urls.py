from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import api, feeds, views
from editorial.views.explorer import explore_or_edit
from editorial.views.public import admin_login
from opendata.views import own_openapi

from .health import health

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
    path("sitemap.xml", sitemap),
    path("health/", health, name="health"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("huisstijl.css", views.brand_css, name="brand-css"),
    *feeds.urlpatterns,
    path("", include("search.urls")),
    path("", include("kaart.urls")),
    path("", include("wegwijzer.urls")),
    path("", include("editorial.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
