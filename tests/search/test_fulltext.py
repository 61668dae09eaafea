"""The database full-text index under the embedded engine (SQLite FTS5 or PostgreSQL)."""

import pytest
from django.db import connection

from search import analysis
from search.engines.embedded import fulltext as fts
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(build):
    build.service("shv", "Schuldhulpverlening", summary="Hulp bij schulden.")
    build.service("cafe", "Taalcafe", summary="Nederlands oefenen.", phrases=["taal leren"])
    return {e.slug: e.pk for e in SearchEntry.objects.all()}


def test_match_finds_entries_by_pre_analysed_terms(entries):
    assert fts.match(["schuld"]) == [entries["shv"]]
    assert set(fts.match(["schuld", "taal"])) == {entries["shv"], entries["cafe"]}
    assert fts.match(["onbekend"]) == []


def test_helps_with_weighs_more_than_summary(build, entries):
    build.service("oefen", "Oefenplek", summary="Taal.")
    ids = fts.match(["taal"])
    assert ids[0] == entries["cafe"]


@pytest.mark.parametrize(
    "term",
    ['"', "schuld OR taal", "schuld*", "NEAR(schuld taal)", "title:schuld", "x'); DROP TABLE y;--"],
)
def test_only_terms_our_analysis_can_produce_reach_the_query(entries, term):
    assert not analysis.is_safe_term(term)
    assert fts.match([term]) == []
    assert fts.match([term, "schuld"]) == [entries["shv"]]


def test_the_index_follows_updates_and_deletes(entries):
    entry = SearchEntry.objects.get(slug="shv")
    entry.title_tokens = "fietsmaatje"
    entry.save()
    assert fts.match(["fietsmaatje"]) == [entry.pk]
    assert entries["shv"] not in fts.match(["schuldhulpverlen"])
    entry.delete()
    assert fts.match(["fietsmaatje"]) == []


def test_rebuild_keeps_results(entries):
    fts.rebuild()
    assert fts.match(["schuld"]) == [entries["shv"]]


def test_structures_are_named_after_the_model_table():
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [f"{table}_fts%"])
            names = {row[0] for row in cursor.fetchall()}
            assert {f"{table}_fts", f"{table}_fts_ai", f"{table}_fts_ad"} <= names
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
            assert f"{table}_search_vector_gin" in {row[0] for row in cursor.fetchall()}


def _trigger_sql() -> list:
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [table],
        )
        return sorted(cursor.fetchall())


def test_after_a_full_rebuild_the_index_finds_new_words_and_follows_edits(entries):
    from search import indexing

    triggers = _trigger_sql() if connection.vendor == "sqlite" else None
    indexing.rebuild(elastic=False)
    rebuilt = {e.slug: e.pk for e in SearchEntry.objects.all()}
    assert fts.match(["schuld"]) == [rebuilt["shv"]]
    if triggers is not None:
        assert _trigger_sql() == triggers  # put back as the migration made them
    entry = SearchEntry.objects.get(slug="cafe")
    entry.title_tokens = "fietsmaatje"
    entry.save()
    assert fts.match(["fietsmaatje"]) == [entry.pk]
    entry.delete()
    assert fts.match(["taal"]) == []


def test_a_failed_rebuild_leaves_the_index_as_it_was(entries):
    from search.engines.embedded import engine

    triggers = _trigger_sql() if connection.vendor == "sqlite" else None

    def records():
        raise RuntimeError("the CMS went away")
        yield

    with pytest.raises(RuntimeError):
        engine.rebuild(records())
    assert fts.match(["schuld"]) == [entries["shv"]]
    if triggers is not None:
        assert _trigger_sql() == triggers
    SearchEntry.objects.filter(slug="shv").delete()
    assert fts.match(["schuld"]) == []
