"""The embedded engine stays cheap as the catalogue grows: one edit never reloads the whole
snapshot (the new snapshot shares every untouched document), other processes see an edit
through the version counter, and distances follow an edit."""

import pytest

from places.geo import Point
from search import query
from search.engines.embedded import snapshot
from search.types import SearchParams

pytestmark = pytest.mark.django_db


def found(q="", **kwargs):
    return [r.slug for r in query.run(SearchParams(q=q, **kwargs), record=False).results]


def _catalogue(build, place=None):
    places = [place] if place else []
    pages = [build.service(f"taal-{i}", f"Taalcafe {i}", places=places) for i in range(4)]
    pages.append(build.service("geld", "Hulp bij schulden", places=places))
    return pages


def test_one_edit_updates_the_snapshot_without_reloading_it(build):
    pages = _catalogue(build)
    assert found("fietsenmaker") == []
    before = snapshot.current()
    untouched = {doc_id: before.docs[doc_id] for doc_id in before.docs}

    edited = pages[-1]
    edited.summary = "Ook een fietsenmaker helpt hier."
    edited.save_revision().publish()

    assert found("fietsenmaker") == ["geld"]
    after = snapshot.current()
    assert after is not before  # a new snapshot: searches still holding the old one go on
    assert "fietsenmak" not in " ".join(before.postings)
    edited_id = next(i for i, d in after.docs.items() if d.slug == "geld")
    # Every other service is still the very same object: nothing was reloaded.
    assert all(after.docs[i] is doc for i, doc in untouched.items() if i != edited_id)
    assert after.docs[edited_id] is not untouched[edited_id]


def test_another_process_sees_an_edit_through_the_version_counter(build):
    pages = _catalogue(build)
    other = snapshot.Snapshot()  # what a second app process holds
    other.refresh()
    assert "fietsenmak" not in " ".join(other.postings)

    edited = pages[0]
    edited.summary = "Ook een fietsenmaker helpt hier."
    edited.save_revision().publish()

    seen = other.version
    other = other.refresh()
    assert other.version != seen
    assert any(t.startswith("fietsenmak") for t in other.postings)
    assert snapshot.current().version == other.version


def _distances(origin):
    result = query.run(SearchParams(q="taalcafe", origin=origin), record=False)
    return {r.slug: r.distance_m for r in result.results}


def test_distances_follow_an_edit_and_stay_for_the_others(build):
    near = build.place(lat=52.2346, lon=4.8270)
    far = build.place(slug="ver-weg", name="Dorpshuis De Kwakel", lat=52.2270, lon=4.7790)
    pages = _catalogue(build, near)
    origin = Point(lat=52.2400, lon=4.8300)
    before = _distances(origin)
    assert (
        len(before) == 4 and set(before.values()) == {before["taal-0"]} and before["taal-0"] < 1000
    )

    pages[0].places = [far]
    pages[0].save_revision().publish()

    after = _distances(origin)
    assert 3000 < after["taal-0"] < 4500  # measured again, from its new place
    assert {s: d for s, d in after.items() if s != "taal-0"} == {
        s: d for s, d in before.items() if s != "taal-0"
    }


def _filler_entries(count: int) -> None:
    """Many services that all say the common words of the question ("hulp", "geld") and
    weigh them heavily, but never the specific one: rows in the real index table, each for
    a real (bare) page."""
    from wagtail.models import Page

    from search.engines.embedded.engine import entry_values
    from search.models import IndexState, SearchEntry
    from search.record import ServiceRecord

    root = Page.get_first_root_node()
    entries = []
    for i in range(count):
        page = root.add_child(instance=Page(title=f"Vulling {i}", slug=f"vulling-{i}"))
        record = ServiceRecord(
            page_id=page.pk,
            slug=page.slug,
            title=f"Hulp en geld {i}",
            summary="Hulp met geld, hulp met geld: wij geven hulp en geld.",
            helps_with=["hulp met geld"],
        )
        entries.append(SearchEntry(page_id=page.pk, **entry_values(record)))
    SearchEntry.objects.bulk_create(entries)
    IndexState.bump()


def test_a_relevant_service_comes_first_among_many_that_share_its_common_words(build, monkeypatch):
    """The candidate bound bites (a depth of 40 against 300 fillers stands for 1,000 against
    a regional catalogue), yet the service that answers the question comes first."""
    from search import expansion, ranking, synonyms

    monkeypatch.setattr(ranking, "CANDIDATE_DEPTH", 40)
    build.service("schulden", "Schuldhulp", summary="Hulp bij schulden en geld.")
    _filler_entries(300)
    question = "hulp bij schulden en geld"

    snap = snapshot.current()
    vocabulary = synonyms.current_map()
    analysed = expansion.expand(question, vocabulary, snap.knowledge(vocabulary))
    candidates = ranking.bounded_candidates(analysed, snap)
    assert candidates is not None and candidates.sum() < 300  # the bound does bite

    assert found(question)[0] == "schulden"
