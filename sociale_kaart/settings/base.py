"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "cms",
    "search",
    "editorial",
    "wegwijzer",
    "kaart",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "leaflet",
    "django_tasks",
    "django_tasks_db",
    # django.contrib.admin is deliberately left out: Wagtail does not need it, and with it
    # installed django-leaflet imports GeoDjango, which needs the GDAL system library.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "sociale_kaart.middleware.RequestIdMiddleware",
    # Gzip for the JSON API only, never for HTML (BREACH); see sociale_kaart/compression.py.
    "sociale_kaart.compression.ApiGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address (/en/..., ?lang= on the API); Dutch has no prefix.
    # Neither a cookie nor the browser's Accept-Language is read (sociale_kaart/i18n.py).
    "sociale_kaart.i18n.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "sociale_kaart.middleware.RejectControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "opendata.middleware.LicenceLinkMiddleware",
]

ROOT_URLCONF = "sociale_kaart.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_context",
            ],
        },
    },
]

WSGI_APPLICATION = "sociale_kaart.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# Dutch is the default and has no URL prefix; English lives under /en/. Each language is
# named in its own language in the switcher. A new language: add it here and to
# WAGTAIL_CONTENT_LANGUAGES, add locale/<code>/LC_MESSAGES/django.po (README "Languages").
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Sociale kaart Uithoorn"
# Licence of the open data (HSDS, JSON API): an SPDX id, see opendata/licence.py.
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "CC0-1.0")

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Dutch dates in the admin's date picker (10-12-2026, weeks start on Monday), not ISO.
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
# SVG for the logo (Huisstijl); shown only through <img>, where an SVG cannot run scripts.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
# Wagtail's own index only powers the admin's search boxes; the public search lives in search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Search engine for residents: the embedded engine unless OPENSEARCH_URL (OpenSearch 2) or
# ELASTICSEARCH_URL (Elasticsearch 8) is set; see search/engines/cluster/transport.py.
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if OPENSEARCH_URL and ELASTICSEARCH_URL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set OPENSEARCH_URL or ELASTICSEARCH_URL, not both.")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "sociale-kaart-dev")
# Processes that make the records of a full rebuild (search/build_workers.py); 1: none.
SEARCH_REBUILD_WORKERS = int(os.environ.get("SEARCH_REBUILD_WORKERS", min(os.cpu_count() or 1, 4)))
# A folder where the search index snapshot is saved for the app processes of this machine
# (search/engines/embedded/saved.py); empty: every process reads the index table itself.
SEARCH_SNAPSHOT_DIR = os.environ.get("SEARCH_SNAPSHOT_DIR", "")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Waiting for a connection is short: a cluster that is up accepts at once.
ELASTICSEARCH_CONNECT_TIMEOUT = float(os.environ.get("ELASTICSEARCH_CONNECT_TIMEOUT", "0.5"))
# After a failure the cluster is skipped this many seconds, then tried again.
ELASTICSEARCH_RETRY_AFTER = float(os.environ.get("ELASTICSEARCH_RETRY_AFTER", "30"))

# Background tasks (django-tasks, Django's tasks backport). Wagtail's own small tasks stay in
# the request ("default"); the search reindex after a change that reaches many services goes
# to "background", a queue in the database run by `manage.py db_worker --backend background`
# (search/queue.py; `make run` starts it, deploy/sociale-kaart-worker.service in production).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Online geocoding of addresses (geopy) is off unless switched on; the offline postcode
# table always works.
GEOCODER_ENABLED = os.environ.get("GEOCODER_ENABLED", "") == "1"

# Map tiles. No tile server is needed for the map to show markers and boundaries.
MAP_TILE_URL = os.environ.get(
    "MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>'
)
MAP_MAX_ZOOM = int(os.environ.get("MAP_MAX_ZOOM", "19"))
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.2375, 4.8170),
    "DEFAULT_ZOOM": 14,
    "MIN_ZOOM": 11,
    "MAX_ZOOM": MAP_MAX_ZOOM,
    "TILES": [("Achtergrondkaart", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})],
    "ATTRIBUTION_PREFIX": "Leaflet",
    "RESET_VIEW": False,
}

LOGIN_URL = "/inloggen/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sociale-kaart@example.org")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "search": {"handlers": ["console"], "level": "INFO"},
        "cms": {"handlers": ["console"], "level": "INFO"},
    },
}

# Front-end packages installed from npm (package.json) and served as our own static files.
NODE_MODULES = BASE_DIR / "node_modules"
# NL Design System components (CSS only) that the "Uithoorn" theme (static/css/) styles.
NL_DESIGN_SYSTEM_COMPONENTS = (
    "button",
    "button-link",
    "checkbox",
    "form-label",
    "radio-button",
    "skip-link",
    "textbox",
)
STATICFILES_DIRS += [
    (prefix, NODE_MODULES / folder)
    for prefix, folder in (
        ("vendor/markercluster", "leaflet.markercluster/dist"),
        ("vendor/geoman", "@geoman-io/leaflet-geoman-free/dist"),
        ("vendor/axe-core", "axe-core"),
        *(
            (f"vendor/utrecht/{name}", f"@utrecht/{name}-css/dist")
            for name in NL_DESIGN_SYSTEM_COMPONENTS
        ),
    )
    if (NODE_MODULES / folder).is_dir()
]

# "Route" on a card or service page: a plain link to a maps app; nothing is loaded from it
# until the resident taps it. {lat} and {lon} are filled in.
ROUTE_URL = os.environ.get(
    "ROUTE_URL", "https://www.google.com/maps/dir/?api=1&destination={lat},{lon}"
)
