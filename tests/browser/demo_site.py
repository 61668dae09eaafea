"""The state the browser tests need: Wagtail's root, the demo catalogue, the wegwijzer's
default questions and a fresh search index. Idempotent, and safe after a flush."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant


def ensure_wagtail_root():
    from wagtail.models import Locale, Page

    language = get_supported_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def prepare_demo_site():
    from cms.demo import load_catalogue
    from search import indexing, snapshot
    from wegwijzer.defaults import ensure_default_questions

    ensure_wagtail_root()
    load_catalogue()
    ensure_default_questions()
    indexing.rebuild(elastic=False)
    snapshot.reset()
