"""The judged questions must measure the search, not be answered by the data: no judged
question may be copied into the demo catalogue's texts or into the vocabulary.

Checked: every question of three words or more, of every judged set, against the demo
catalogue's summaries, "helps with" phrases and bodies, and against the entries of the
synonym files, the English vocabulary and the "ergens anders" triggers (they are the
vocabulary too). Shorter questions are terms, not questions: "bijzondere bijstand" or "food
bank" is the name of what a service offers and may occur there. So may a service's own
name in its title ("pop up loket").
"""

import importlib
import json
import re

import pytest
from django.conf import settings

from search import analysis
from search.english import VOCABULARY
from search.synonyms import SYNONYM_DIR
from tests.search import judged

CATALOGUE = settings.BASE_DIR / "fixtures" / "demo" / "catalogue.json"


def normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", analysis.normalise(text)))


def catalogue_texts():
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for service in data["services"]:
        for text in (service["summary"], *service["helps_with"], *service["body"]):
            yield service["slug"], normal(text)


def vocabulary_entries():
    files = [*sorted(SYNONYM_DIR.glob("*.txt")), VOCABULARY]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            for entry in re.split(r",|=>", line.split("#", 1)[0]):
                if entry.strip():
                    yield path.name, normal(entry)
    topics = importlib.import_module("search.migrations.0005_elsewhere_starting_topics").TOPICS
    for topic in topics:
        for entry in topic["triggers"].split(","):
            yield "ergens anders: " + topic["title"], normal(entry)


def service_names() -> list[str]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return [normal(service["title"]) for service in data["services"]]


def questions():
    """(set, question) of every judged set; a service's own name is no copied question."""
    names = service_names()
    return [
        (name, normal(q))
        for name, q in judged.all_questions()
        if not any(re.search(rf"\b{re.escape(normal(q))}\b", title) for title in names)
    ]


def test_every_judged_set_is_checked():
    names = {name for name, _ in judged.all_questions()}
    assert names == set(judged.ALL_SETS)
    assert len(questions()) > 300


def test_no_judged_question_is_copied_into_the_catalogue():
    texts = list(catalogue_texts())
    copied = [
        (name, question, slug)
        for name, question in questions()
        if len(question.split()) >= 3
        for slug, text in texts
        if re.search(rf"\b{re.escape(question)}\b", text)
    ]
    assert copied == []


def test_no_judged_question_is_a_vocabulary_entry():
    entries = list(vocabulary_entries())
    copied = [
        (name, question, source)
        for name, question in questions()
        if len(question.split()) >= 3
        for source, entry in entries
        if entry == question
    ]
    assert copied == []


@pytest.mark.parametrize("text", ["Ik kan de huur niet betalen!", "ik kan de HUUR niet betalen"])
def test_the_check_would_see_a_copied_question(text):
    assert re.search(rf"\b{re.escape(normal('ik kan de huur niet betalen'))}\b", normal(text))
