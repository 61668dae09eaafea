"""The index snapshot saved to a file: a new app process reads it instead of analysing the
whole index table again, follows the edits made since, and never trusts a file that is
damaged or was written by other code."""

import pickle

import pytest

from search import query
from search.engines.embedded import saved, snapshot
from search.types import SearchParams

pytestmark = pytest.mark.django_db


def slugs(q):
    return [r.slug for r in query.run(SearchParams(q=q), record=False).results]


@pytest.fixture
def folder(settings, tmp_path):
    settings.SEARCH_SNAPSHOT_DIR = str(tmp_path / "snapshots")
    snapshot.reset()
    yield tmp_path / "snapshots"
    snapshot.reset()


@pytest.fixture
def services(build):
    geld = build.theme("geld", "Geld en schulden")
    build.service("schulden", "Hulp bij schulden", themes=[geld], phrases=["ik heb schulden"])
    build.service("taal", "Taalcafe", summary="Samen Nederlands oefenen in de bibliotheek.")
    return build.service("eten", "Voedselbank", summary="Een pakket eten als het geld op is.")


def as_a_new_process():
    """What a fresh process has: no snapshot yet (and no tokens interned)."""
    snapshot.reset()


def never_read_the_whole_table(monkeypatch):
    def refuse(self):
        raise AssertionError("the whole index table was read")

    monkeypatch.setattr(snapshot.Snapshot, "_load_all", refuse)


def test_a_new_process_reads_the_saved_snapshot_and_follows_later_edits(
    folder, services, monkeypatch
):
    assert snapshot.current().source == "table"
    assert saved.path().parent == folder and saved.path().exists()
    answers = {q: slugs(q) for q in ("ik heb schulden", "nederlands oefenen", "eten")}
    assert answers["nederlands oefenen"] == ["taal"]

    as_a_new_process()
    never_read_the_whole_table(monkeypatch)
    assert snapshot.current().source == "saved file"
    assert {q: slugs(q) for q in answers} == answers

    services.title = "Voedselbank en kledingbank"
    services.save_revision().publish()  # another process's edit: only the version moves
    assert slugs("kledingbank") == ["eten"]
    assert snapshot.current().source == "update"

    as_a_new_process()  # the file is older than that edit: brought up to date entry by entry
    assert slugs("kledingbank") == ["eten"]
    assert snapshot.current().source == "saved file"


def test_a_damaged_file_is_read_from_the_table_and_written_anew(folder, services, caplog):
    snapshot.current()
    saved.path().write_bytes(b"\x80\x05 not a snapshot")
    as_a_new_process()
    assert slugs("nederlands oefenen") == ["taal"]
    assert snapshot.current().source == "table"
    assert "not read" in caplog.text
    as_a_new_process()
    assert snapshot.current().source == "saved file"


def test_a_file_written_by_other_code_is_not_used(folder, services):
    snapshot.current()
    with saved.path().open("wb") as file:
        pickle.dump(("other code", snapshot.Snapshot()), file)
    as_a_new_process()
    assert slugs("nederlands oefenen") == ["taal"]
    assert snapshot.current().source == "table"


def test_without_a_folder_nothing_is_saved(settings, services, tmp_path):
    settings.SEARCH_SNAPSHOT_DIR = ""
    snapshot.reset()
    assert slugs("nederlands oefenen") == ["taal"]
    assert saved.path() is None and snapshot.current().source == "table"
