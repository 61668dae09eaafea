"""The English demo pages: every Dutch demo page gets its English translation, linked to it
(same translation_key), with the texts of fixtures/demo/catalogue.en.json, published."""

import json

import pytest
from wagtail.models import Locale, Page

from cms.demo import load_catalogue
from cms.demo_english import ENGLISH_CATALOGUE, load_english
from cms.models import OrganisationPage, ServicePage, WijkPage

ENGLISH_TEXTS = json.loads(ENGLISH_CATALOGUE.read_text(encoding="utf-8"))


@pytest.fixture
def english_demo(db):
    # Not the session-wide ``demo_db``: that would stay in the database for later tests.
    load_catalogue()
    return load_english()


def _translation(model, slug):
    dutch = model.objects.get(locale__language_code="nl", slug=slug)
    return dutch, dutch.get_translation(Locale.objects.get(language_code="en"))


def test_every_demo_page_gets_a_live_english_translation(english_demo):
    assert english_demo.created == {"pages": 6, "wijken": 9, "organisations": 14, "services": 35}
    for model, kind, name in (
        (ServicePage, "services", "title"),
        (OrganisationPage, "organisations", "name"),
        (WijkPage, "wijken", "name"),
    ):
        for item in ENGLISH_TEXTS[kind]:
            dutch, english = _translation(model, item["slug"])
            assert english.live and english.title == item.get(name, dutch.title)
            assert english.translation_key == dutch.translation_key
    dutch, english = _translation(ServicePage, "sociaal-loket")
    item = next(s for s in ENGLISH_TEXTS["services"] if s["slug"] == "sociaal-loket")
    assert english.summary == item["summary"]
    assert [p.text for p in english.phrases.all()] == item["helps_with"]
    # Each English phrase is the translation of the Dutch phrase at its place (wagtail-localize
    # links them by translation_key), in the English locale.
    dutch_keys = [p.translation_key for p in dutch.phrases.all()]
    english_keys = [p.translation_key for p in english.phrases.all()]
    assert english_keys[: len(dutch_keys)] == dutch_keys[: len(english_keys)]
    assert {p.locale.language_code for p in english.phrases.all()} == {"en"}
    wijk_nl, wijk_en = _translation(WijkPage, "thamerdal")
    assert [p.translation_key for p in wijk_en.sleutelpersonen.all()] == [
        p.translation_key for p in wijk_nl.sleutelpersonen.all()
    ]
    assert wijk_en.sleutelpersonen.first().locale.language_code == "en"
    # What is the same in every language is kept, not retyped.
    assert english.phone == dutch.phone
    assert english.opening_rules.count() == dutch.opening_rules.count() > 0
    # A page chooser is synchronised, as wagtail-localize does: the page shows the
    # organisation's translation in the visitor's language.
    assert english.organisation == dutch.organisation


def test_english_service_page_is_in_english_with_alternates(english_demo, client):
    response = client.get("/en/voorzieningen/sociaal-loket/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Social help desk (sociaal loket) in the town hall</h1>" in html
    assert 'hreflang="nl" href="http://testserver/voorzieningen/sociaal-loket/"' in html
    assert "not yet available in English" not in html
    assert '<a href="/en/aanbieders/gemeente-uithoorn/">Municipality of Uithoorn' in html

    dutch = client.get("/voorzieningen/sociaal-loket/").content.decode()
    assert '<html lang="nl"' in dutch
    assert 'hreflang="en" href="http://testserver/en/voorzieningen/sociaal-loket/"' in dutch
    assert "Sociaal loket" in dutch and "Social help desk" not in dutch


def test_loading_again_changes_nothing_and_keeps_an_editors_change(english_demo):
    english = _translation(ServicePage, "budgetmaatje")[1]
    english.summary = "Changed by an editor."
    english.save_revision().publish()
    pages = Page.objects.count()

    assert load_english().total == 0
    assert Page.objects.count() == pages
    assert _translation(ServicePage, "budgetmaatje")[1].summary == "Changed by an editor."


def test_make_run_adds_the_english_names_to_a_site_translated_before_they_existed(english_demo):
    """A site whose English pages were loaded before cms/0010 has empty English names;
    ``load_demo_data --if-empty`` (``make run``) fills them and leaves the pages alone."""
    from io import StringIO

    from django.core.management import call_command

    from cms.models import Place, TargetGroup, Theme

    for model, fields in (
        (Theme, {"name_en": "", "description_en": ""}),
        (TargetGroup, {"name_en": ""}),
        (Place, {"description_en": ""}),
    ):
        model.objects.update(**fields)
    Theme.objects.filter(slug="wonen").update(name_en="Homes")  # an editor's own text
    pages = Page.objects.filter(locale__language_code="en").count()
    out = StringIO()
    call_command("load_demo_data", "--if-empty", stdout=out)
    assert "Engelse namen aangevuld" in out.getvalue()
    assert Theme.objects.get(slug="geld").name_en == "Money and debts"
    assert Theme.objects.get(slug="wonen").name_en == "Homes"
    assert not TargetGroup.objects.filter(name_en="").exists()
    assert Page.objects.filter(locale__language_code="en").count() == pages
