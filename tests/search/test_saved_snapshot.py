"""The index snapshot saved to a file: a new app process reads it instead of analysing the
whole index table again, follows the edits made since, and never trusts a file that is
damaged or was written by other code."""

import datetime
import os
import pickle

import pytest

from agenda.schedules import TIMEZONE
from search import query
from search.engines.embedded import saved, snapshot
from search.types import SearchParams

pytestmark = pytest.mark.django_db


MONDAY_10 = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=TIMEZONE)


def slugs(q, **kw):
    return [r.slug for r in query.run(SearchParams(q=q, **kw), record=False).results]


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
    monday_morning = {"weekday": 0, "start_time": datetime.time(9), "end_time": datetime.time(12)}
    build.service(
        "taal",
        "Taalcafe",
        summary="Samen Nederlands oefenen in de bibliotheek.",
        rules=[monday_morning],
    )
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
    assert slugs("nederlands", open_now=True, now=MONDAY_10) == ["taal"]

    as_a_new_process()
    never_read_the_whole_table(monkeypatch)
    assert snapshot.current().source == "saved file"
    assert {q: slugs(q) for q in answers} == answers
    assert slugs("nederlands", open_now=True, now=MONDAY_10) == ["taal"]  # its opening hours
    later = MONDAY_10 + datetime.timedelta(hours=3)
    assert slugs("nederlands", open_now=True, now=later) == []

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
    written = snapshot.current()
    with saved.path().open("wb") as file:  # the same snapshot, as other code would save it
        pickle.dump(("other code", written.stamps), file)
        pickle.dump(written, file)
    as_a_new_process()
    assert slugs("nederlands oefenen") == ["taal"]
    assert snapshot.current().source == "table"


def test_a_file_in_a_folder_others_may_write_is_not_read(folder, services, caplog):
    snapshot.current()
    os.chmod(folder, 0o777)
    as_a_new_process()
    assert slugs("nederlands oefenen") == ["taal"]
    assert snapshot.current().source == "table"
    assert "others may write it" in caplog.text


def test_a_folder_that_cannot_be_made_does_not_stop_the_search(
    settings, tmp_path, services, caplog
):
    taken = tmp_path / "a-file"
    taken.write_text("not a folder")
    settings.SEARCH_SNAPSHOT_DIR = str(taken / "search")
    snapshot.reset()
    assert slugs("nederlands oefenen") == ["taal"]
    assert snapshot.current().source == "table" and snapshot.current().saved_to is None
    assert "not saved" in caplog.text
    snapshot.reset()


def test_without_a_folder_nothing_is_saved(settings, services, tmp_path):
    settings.SEARCH_SNAPSHOT_DIR = ""
    snapshot.reset()
    assert slugs("nederlands oefenen") == ["taal"]
    assert saved.path() is None and snapshot.current().source == "table"
