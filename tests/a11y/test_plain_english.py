"""The plain-English check (the counterpart of the Dutch B1 check) over the English demo texts
(fixtures/demo/catalogue.en.json): short sentences, few long words, jargon only explained."""

import html
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.a11y.plain_english import check, long_word_share, syllables, unexplained_jargon

CATALOGUE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "catalogue.en.json"


def catalogue_texts():
    """Every English demo text a resident reads, grouped as in the Dutch check: a service as
    its card (title and summary) and as its page (card, "helps with" phrases, body)."""
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for service in data["services"]:
        card = f"{service['title']}.\n{service['summary']}"
        page = "\n".join(
            [
                card,
                *service.get("helps_with", []),
                *service.get("body", []),
                service.get("accessibility_notes", ""),
            ]
        )
        yield f"service {service['slug']} (card)", card
        yield f"service {service['slug']} (page)", page
    for organisation in data["organisations"]:
        yield f"organisation {organisation['slug']}", organisation["description"]
    for wijk in data["wijken"]:
        yield f"wijk {wijk['slug']}", wijk["intro"]
        for number, person in enumerate(wijk.get("sleutelpersonen", []), start=1):
            for field in ("helps_with", "how_to_reach", "when"):
                yield f"wijk {wijk['slug']}: person {number} ({field})", person.get(field, "")
    for theme in data["themes"]:
        yield f"theme {theme['slug']}", theme.get("description", "")
    for place in data["places"]:
        yield f"place {place['slug']}", place.get("description", "")
    for slug, page in data["pages"].items():
        blocks = [value for kind, value in page.get("body", []) if kind == "paragraph"]
        body = html.unescape(re.sub(r"<[^>]+>", "\n", " ".join(blocks)))
        intro = re.sub(r"<[^>]+>", " ", page.get("intro", ""))
        yield f"page {slug}", f"{intro}\n{body}"
    for topic in data["elsewhere_topics"]:
        yield f"elsewhere {topic['nl_title']}", topic["text"]


def findings_for(texts):
    return [finding for where, text in texts for finding in check(where, text)]


def test_english_demo_texts_are_plain_english():
    found = findings_for(catalogue_texts())
    assert found == [], "Plain-English problems in the demo texts:\n" + "\n".join(map(str, found))


def test_english_texts_cover_every_kind_of_text():
    wheres = [where for where, _text in catalogue_texts()]
    for kind in ("service", "organisation", "wijk", "theme", "place", "page", "elsewhere"):
        assert any(where.startswith(kind + " ") for where in wheres), kind
    assert len([w for w in wheres if w.endswith("(page)")]) == 35


JARGON_HEAVY = (
    "Eligibility for a tailored provision under the WMO is determined following an "
    "assessment of your individual circumstances by the municipality of Uithoorn."
)


def test_a_jargon_heavy_sentence_fails():
    problems = [finding.problem for finding in check("example", JARGON_HEAVY)]
    assert "sentence of 22 words" in problems
    assert any(problem.endswith("long words") for problem in problems)
    assert unexplained_jargon(JARGON_HEAVY) == ["WMO", "tailored provision", "eligibility"]


def test_long_words_fail_even_in_short_sentences():
    text = (
        "Municipal eligibility requires documentation. Additional assessment is obligatory. "
        "Applications are evaluated individually."
    )
    assert long_word_share(text) > 0.5
    assert [f.problem for f in check("example", text, jargon=False)] == [
        f"{long_word_share(text):.0%} long words"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Help to keep living at home (Social Support Act, WMO).",
        "The WMO is a law. It helps people keep living at home.",
        "Remission: you pay less or nothing of the council taxes.",
        "Money for an unexpected cost (special assistance).",
        "Do you care for your mother? Then you are an informal carer.",
        "We help in time. This is called early warning.",
    ],
)
def test_jargon_with_an_explanation_passes(text):
    assert unexplained_jargon(text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("You may get a tailored provision.", "tailored provision"),
        ("Apply for special assistance.", "special assistance"),
        ("We help status holders.", "status holder"),
        ("Ask about respite care.", "respite care"),
    ],
)
def test_unexplained_jargon_is_found(text, term):
    assert unexplained_jargon(text) == [term]


@pytest.mark.parametrize(
    ("word", "count"),
    [("care", 1), ("centre", 1), ("help", 1), ("money", 2), ("municipality", 6), ("assessment", 3)],
)
def test_syllables_are_counted_by_vowel_groups(word, count):
    assert syllables(word) == count
