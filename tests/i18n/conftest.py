import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """The .mo files are built, not committed (`make messages`); build them for these tests."""
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules", "staticfiles"])


@pytest.fixture
def english(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture
def translate():
    """An English translation of a live Dutch page, published, with an English title."""

    def make(page, title):
        from wagtail.models import Locale

        english = Locale.objects.get(language_code="en")
        translated = page.specific.copy_for_translation(english, copy_parents=True)
        translated.title = title
        translated.save_revision().publish()
        return translated

    return make
