"""Themes, target groups and place descriptions in English on the English site.

They are shared snippets, one row for every language, with the English text beside the Dutch
(`name_en`, `description_en`); the Dutch site keeps the Dutch text.
"""

import re

from django.utils import translation

from cms.models import TargetGroup, Theme
from search.results import labels


def _shown(client, url) -> str:
    """What a resident reads: the page without its scripts (JSON-LD stays the Dutch source)."""
    html = client.get(url).content.decode()
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


def _service(build, translate):
    theme = build.theme(
        name="Geld en schulden",
        name_en="Money and debts",
        description="Hulp als u moeite heeft met rondkomen.",
        description_en="Help if you find it hard to make ends meet.",
    )
    carers = TargetGroup.objects.create(name="Mantelzorgers", name_en="Carers", slug="mantel")
    young = TargetGroup.objects.create(name="Jongeren", name_en="Young people", slug="jong")
    place = build.place(
        slug="gemeentehuis", description="Het gemeentehuis.", description_en="The town hall."
    )
    service = build.service(slug="schulden", themes=[theme], places=[place])
    service.target_groups = [carers, young]
    service.save_revision().publish()
    translate(service, "Help with debts")
    return service


def test_english_service_page_names_theme_groups_and_place_in_english(client, build, translate):
    _service(build, translate)
    english = _shown(client, "/en/voorzieningen/schulden/")
    assert "Money and debts" in english and "Geld en schulden" not in english
    assert "Carers, Young people" in english  # English alphabetical order
    dutch = _shown(client, "/voorzieningen/schulden/")
    assert "Geld en schulden" in dutch and "Money and debts" not in dutch
    assert "Jongeren, Mantelzorgers" in dutch


def test_a_place_card_describes_the_place_in_english(build):
    from django.template.loader import render_to_string

    place = build.place(description="Het gemeentehuis.", description_en="The town hall.")
    with translation.override("en"):
        english = render_to_string("includes/place.html", {"place": place})
    assert "The town hall." in english and "Het gemeentehuis." not in english
    with translation.override("nl"):
        assert "Het gemeentehuis." in render_to_string("includes/place.html", {"place": place})


def test_english_theme_tiles_and_theme_page(client, build, translate):
    _service(build, translate)
    home = _shown(client, "/en/")
    assert "Money and debts" in home and "Help if you find it hard to make ends meet." in home
    theme_page = _shown(client, "/en/voorzieningen/thema/geld/")
    assert "<h1>Money and debts</h1>" in theme_page
    assert "Geld en schulden" not in theme_page  # also not in "Other subjects"
    wegwijzer = _shown(client, "/en/wegwijzer/")
    assert "Money and debts" in wegwijzer and "Geld en schulden" not in wegwijzer


def test_search_filters_are_named_and_sorted_in_english(build):
    build.theme(name="Geld en schulden", name_en="Money and debts")
    TargetGroup.objects.create(name="Mantelzorgers", name_en="Carers", slug="mantel")
    TargetGroup.objects.create(name="Zonder Engelse naam", slug="zonder")
    with translation.override("en"):
        english = labels()
    assert english["thema"]["geld"] == "Money and debts"
    assert english["doelgroep"] == {"mantel": "Carers", "zonder": "Zonder Engelse naam"}
    with translation.override("nl"):
        assert labels()["thema"]["geld"] == "Geld en schulden"


def test_the_english_demo_names_every_theme_and_target_group_in_english(db):
    from cms.demo import load_catalogue
    from cms.demo_english import load_english

    load_catalogue()  # not the session-wide demo_db: it would stay for later tests
    load_english()
    assert not Theme.objects.filter(name_en="").exists()
    assert not TargetGroup.objects.filter(name_en="").exists()
    money = Theme.objects.get(slug="geld")
    assert (money.name, money.name_en) == ("Geld en schulden", "Money and debts")
