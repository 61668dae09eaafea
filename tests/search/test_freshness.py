"""A search checks every in-process cache against the database in one statement, and still
sees every kind of edit at once: the index, the editors' synonyms, the topics arranged
elsewhere and the places known by name."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import query
from search.elsewhere.models import ElsewhereTopic
from search.models import Synonym
from search.types import SearchParams

pytestmark = pytest.mark.django_db


def run(q):
    return query.run(SearchParams(q=q), record=False)


def test_a_search_asks_the_database_twice(build):
    build.service("taal", "Taalcafe", summary="Samen Nederlands oefenen.")
    assert [r.slug for r in run("taalcafe").results] == ["taal"]  # caches filled
    with CaptureQueriesContext(connection) as queries:
        assert [r.slug for r in run("nederlands oefenen").results] == ["taal"]
    # The freshness checks of every cache together, then the records of the page shown.
    assert len(queries) == 2, [q["sql"] for q in queries]


def test_an_editors_synonym_is_used_by_the_next_search(build):
    build.service("taal", "Taalcafe", summary="Samen Nederlands oefenen.")
    assert run("kletsclub").results == []
    Synonym.objects.create(words="kletsclub", means="taalcafe")
    assert [r.slug for r in run("kletsclub").results] == ["taal"]


def test_a_topic_arranged_elsewhere_is_answered_by_the_next_search(build):
    build.service("taal", "Taalcafe")
    assert run("vuurwerkvergunning aanvragen").elsewhere is None
    ElsewhereTopic.objects.create(
        title="Vuurwerk afsteken",
        text="Een vergunning vraagt u aan bij de gemeente.",
        kind="gemeente",
        triggers="vuurwerkvergunning",
    )
    assert run("vuurwerkvergunning aanvragen").elsewhere["title"] == "Vuurwerk afsteken"
