"""Settings for the test suite: fast hashing, in-memory e-mail, no network."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
GEOCODER_ENABLED = False
SEARCH_INDEX_PREFIX = "sociale-kaart-test"
# Tiles must never be fetched by tests; the map works without them.
MAP_TILE_URL = "/static/map/no-tiles/{z}/{x}/{y}.png"
LEAFLET_CONFIG = {**LEAFLET_CONFIG, "TILES": [("Achtergrondkaart", MAP_TILE_URL, {})]}  # noqa: F405
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
# The suite searches embedded; the live tests marked `cluster` point these at a node themselves.
OPENSEARCH_URL = ""
ELASTICSEARCH_URL = ""
# Changes that reach many services are indexed right away in tests (the suite checks what
# a change does, not when); tests/search/test_queue.py runs the real database queue and worker.
TASKS = {**TASKS, "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # noqa: F405
