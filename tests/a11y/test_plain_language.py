"""B1 check of the texts residents read: the demo catalogue, the fixed pages and the
wegwijzer's questions. Short sentences; jargon only with a plain explanation beside it."""

import html
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.a11y.plain_language import check, unexplained_jargon

CATALOGUE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "catalogue.json"


def catalogue_texts():
    """Every demo text a resident reads. A service is checked twice: as the card in lists and
    search results (title and summary), and as its page (card, "helpt bij" phrases, body)."""
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for service in data["services"]:
        card = f"{service['title']}.\n{service['summary']}"
        page = "\n".join(
            [card, *service["helps_with"], *service["body"], service.get("accessibility_notes", "")]
        )
        yield f"dienst {service['slug']} (zoekresultaat)", card
        yield f"dienst {service['slug']} (pagina)", page
    for organisation in data["organisations"]:
        yield f"organisatie {organisation['slug']}", organisation["description"]
    for wijk in data["wijken"]:
        yield f"wijk {wijk['slug']}", wijk["intro"]
        for person in wijk.get("sleutelpersonen", []):
            for field in ("helps_with", "how_to_reach", "when"):
                yield f"wijk {wijk['slug']}: {person['name']} ({field})", person.get(field, "")
    for theme in data["themes"]:
        yield f"thema {theme['slug']}", theme.get("description", "")
    for place in data["places"]:
        yield f"plek {place['slug']}", place.get("description", "")


def site_texts():
    from cms.site_structure import INDEX_PAGES, STANDARD_PAGES

    for _model, slug, _title, intro in INDEX_PAGES:
        yield f"pagina {slug}", intro
    for slug, _title, intro, body in STANDARD_PAGES:
        blocks = [value for kind, value in body if kind == "paragraph"]
        text = re.sub(r"<[^>]+>", "\n", " ".join(blocks))
        yield f"pagina {slug}", f"{intro}\n{html.unescape(text)}"


def findings_for(texts):
    return [finding for where, text in texts for finding in check(where, text)]


def test_demo_catalogue_is_b1():
    found = findings_for(catalogue_texts())
    assert found == [], "B1 problems in the demo catalogue:\n" + "\n".join(map(str, found))


def test_catalogue_texts_cover_every_kind_of_text():
    wheres = [where for where, _text in catalogue_texts()]
    for kind in ("dienst", "organisatie", "wijk", "thema", "plek"):
        assert any(where.startswith(kind + " ") for where in wheres), kind
    assert any("(helps_with)" in where for where in wheres)


def test_fixed_pages_are_b1():
    assert findings_for(site_texts()) == []


@pytest.mark.django_db
def test_wegwijzer_questions_are_b1():
    from wegwijzer.defaults import DEFAULT_QUESTIONS

    texts = [
        (question["key"], " ".join([question["text"], *(a["text"] for a in question["answers"])]))
        for question in DEFAULT_QUESTIONS
    ]
    assert findings_for(texts) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hulp om thuis te blijven wonen (Wmo).",
        "De Wmo is een wet.",
        "Kwijtschelding: u hoeft de belasting niet te betalen.",
        "Bent u statushouder? Dat betekent dat u hier mag blijven.",
        "Zorgt u voor uw moeder? Dan bent u mantelzorger.",
        "Wij helpen op tijd. Dit heet vroegsignalering.",
        "Dat valt onder de Jeugdwet. Die wet zorgt voor hulp aan kinderen.",
    ],
)
def test_jargon_with_an_explanation_passes(text):
    assert unexplained_jargon(text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("U krijgt misschien een maatwerkvoorziening.", "maatwerkvoorziening"),
        ("Het staat in de Participatiewet.", "Participatiewet"),
        ("Vraag bijzondere bijstand aan.", "bijzondere bijstand"),
        ("Wij helpen statushouders.", "statushouder"),
    ],
)
def test_unexplained_jargon_is_found(text, term):
    assert unexplained_jargon(text) == [term]


def test_long_sentences_are_found():
    sentence = " ".join(["woord"] * 21) + "."
    problems = [finding.problem for finding in check("voorbeeld", sentence, jargon=False)]
    assert problems == ["zin van 21 woorden", "gemiddeld 21.0 woorden per zin"]
