"""A search checks every in-process cache against the database in one statement, and still
sees every kind of edit at once: the index, the editors' synonyms, the topics arranged
elsewhere and the places known by name."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from cms.models import WijkPage
from search import indexing, query
from search.elsewhere.models import ElsewhereTopic
from search.models import SearchEntry, Synonym
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


def test_after_a_rebuild_the_planner_knows_the_size_of_what_a_search_reads(build):
    """PostgreSQL: the small tables of the freshness statement are never analysed by
    autovacuum; unanalysed, the planner walked every page for each search (30 ms at 20,035
    services instead of 1). A rebuild analyses them. SQLite is left without statistics."""
    for slug in ("centrum", "thamerdal", "de-kwakel"):
        build.wijk(slug, slug.title())
    for i in range(4):
        build.service(f"dienst-{i}", f"Dienst {i}")
    indexing.rebuild(elastic=False)

    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 0
            return
        for model in (WijkPage, Locale, Page, SearchEntry):  # small here, all analysed
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = %s", [model._meta.db_table]
            )
            assert cursor.fetchone()[0] == model.objects.count(), model._meta.db_table
