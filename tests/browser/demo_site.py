"""The state the browser tests need: Wagtail's root, the demo catalogue, the wegwijzer's
default questions, a professional account and a fresh search index. Idempotent, and safe
after a flush."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant

# A professional account for the pages behind the login ("Wie doet wat", referral details).
PROFESSIONAL_USERNAME = "professional-browsertest"
PROFESSIONAL_PASSWORD = "browsertest-wachtwoord-2026"


def ensure_wagtail_root():
    from wagtail.models import Locale, Page

    language = get_supported_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def ensure_professional():
    """A user in the Professional group; logs in through /inloggen/ like a real one."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.access import PROFESSIONAL_GROUP

    group, _ = Group.objects.get_or_create(name=PROFESSIONAL_GROUP)
    user, _ = get_user_model().objects.get_or_create(
        username=PROFESSIONAL_USERNAME, defaults={"email": "professional@example.org"}
    )
    user.set_password(PROFESSIONAL_PASSWORD)
    user.is_active = True
    user.save()
    user.groups.add(group)


def prepare_demo_site():
    from cms.demo import load_catalogue
    from search import indexing
    from search.engines.embedded import snapshot
    from wegwijzer.defaults import ensure_default_questions

    ensure_wagtail_root()
    load_catalogue()
    ensure_default_questions()
    ensure_professional()
    indexing.rebuild(elastic=False)
    snapshot.reset()
