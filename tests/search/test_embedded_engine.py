"""The embedded engine end to end on small, purpose-built content (tests/builders.py)."""

import datetime

import numpy as np
import pytest

from places.geo import Point
from search import query, ranking
from search.models import SearchEntry
from search.types import SearchParams, Sort

pytestmark = pytest.mark.django_db

MONDAY_10 = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)  # 11:00 in Uithoorn


def run(q="", **kwargs):
    return query.run(SearchParams(q=q, **kwargs), record=False)


def found(q="", **kwargs):
    return [r.slug for r in run(q, **kwargs).results]


def test_dutch_stemming_finds_plural_and_singular(build):
    build.service("schulden", "Hulp bij schulden", summary="Wij helpen u.")
    assert found("schuld") == ["schulden"]
    assert found("SCHULDEN") == ["schulden"]


def test_compound_words_are_found_by_their_parts(build):
    build.service("shv", "Schuldhulpverlening", summary="Van de gemeente.")
    assert found("hulp bij schuld") == ["shv"]
    assert found("schuldhulpverlening") == ["shv"]


def test_everyday_words_find_services_through_the_vocabulary(build):
    build.service("shv", "Hulp bij schulden", summary="Samen maken we een plan.")
    build.service("koffie", "Koffie in de buurtkamer", summary="Gezellig samen.")
    assert found("huur") == ["shv"]
    assert found("deurwaarder") == ["shv"]


def test_typos_are_tolerated_and_a_correction_is_suggested(build):
    build.service("shv", "Schuldhulpverlening", summary="Hulp van de gemeente.")
    result = run("schuldhulpverlengg")
    assert [r.slug for r in result.results] == ["shv"]
    assert result.suggestion == "schuldhulpverlening"


def test_typos_in_a_word_with_synonyms_still_expand(build):
    build.service("shv", "Hulp bij schulden", summary="Samen maken we een plan.")
    result = run("deurwaader")  # one letter missing; only the vocabulary knows the word
    assert [r.slug for r in result.results] == ["shv"]
    assert result.suggestion == "deurwaarder"


def test_words_next_to_each_other_rank_higher(build):
    build.service("los", "Geldloket", summary="Betalen kan hier, en huur regelen ook.")
    build.service("samen", "Woonloket", summary="Hulp als de huur betalen niet lukt.")
    assert found("huur betalen")[:2] == ["samen", "los"]


def test_field_weights_helps_with_then_title_then_summary_then_body(build):
    word = "fietsmaatje"
    build.service("in-body", "Dienst een", summary="Korte uitleg.", body=[("paragraph", word)])
    build.service("in-summary", "Dienst twee", summary=f"Korte uitleg {word}.")
    build.service("in-title", f"Dienst {word}", summary="Korte uitleg.")
    build.service("in-phrase", "Dienst vier", summary="Korte uitleg.", phrases=[word])
    assert found(word) == ["in-phrase", "in-title", "in-summary", "in-body"]


def test_services_a_year_overdue_rank_a_little_lower(build):
    old = datetime.date(2024, 1, 1)
    stale = build.service("a-oud", "Aa taalcafe", summary="Taalcafe.", last_checked=old)
    fresh = build.service("b-nieuw", "Bb taalcafe", summary="Taalcafe.")
    assert stale.overdue_by_a_year and not fresh.overdue_by_a_year
    assert found("taalcafe") == ["b-nieuw", "a-oud"]


def test_filters_and_facet_counts(build):
    geld, wonen = build.theme(), build.theme("wonen", "Wonen")
    ouderen = build.target_group()
    build.service("a", "Hulp bij geld", themes=[geld], cost="free")
    build.service("b", "Hulp bij wonen", themes=[wonen], cost="small_contribution")
    build.service("c", "Hulp bij geld en wonen", themes=[geld, wonen], cost="free")
    from cms.models import ServicePage

    page = ServicePage.objects.get(slug="a")
    page.target_groups.add(ouderen)
    page.save_revision().publish()

    everything = run("hulp")
    assert everything.count == 3
    counts = {f.value: f.count for f in everything.facets["thema"]}
    assert counts == {"geld": 2, "wonen": 2}
    assert {f.value: f.count for f in everything.facets["kosten"]} == {
        "free": 2,
        "small_contribution": 1,
    }

    only_geld = run("hulp", themes=("geld",))
    assert sorted(r.slug for r in only_geld.results) == ["a", "c"]
    # A facet's own filter does not narrow its counts; the other facets' filters do.
    assert {f.value: f.count for f in only_geld.facets["thema"]} == {"geld": 2, "wonen": 2}
    assert {f.value: f.count for f in only_geld.facets["kosten"]} == {"free": 2}
    assert [f.value for f in only_geld.facets["thema"] if f.selected] == ["geld"]
    assert [r.slug for r in run("hulp", target_groups=("ouderen",)).results] == ["a"]
    assert run("hulp", themes=("geld",), costs=("small_contribution",)).count == 0


def test_open_now_and_next_session(build):
    monday_morning = {"weekday": 0, "start_time": datetime.time(9), "end_time": datetime.time(12)}
    build.service("inloop", "Inloop loket", rules=[monday_morning])
    build.service("altijd", "Loket per telefoon")
    result = run("loket", now=MONDAY_10)
    item = next(r for r in result.results if r.slug == "inloop")
    assert item.open_now and item.next_session.start.hour == 9
    assert result.open_now_count == 1
    assert [r.slug for r in run("loket", open_now=True, now=MONDAY_10).results] == ["inloop"]
    later = MONDAY_10 + datetime.timedelta(hours=3)
    assert run("loket", open_now=True, now=later).count == 0


def test_distance_ranking_and_sorting(build):
    near = build.place(slug="dichtbij", name="Dichtbij", lat=52.2400, lon=4.8300)
    far = build.place(slug="ver", name="Ver weg", lat=52.2200, lon=4.7900)
    build.service("ver", "Taalcafe ver", places=[far])
    build.service("dichtbij", "Taalcafe dichtbij", places=[near])
    build.service("thuis", "Taalcafe thuis", at_home=True)
    build.service("ook-thuis", "Taalcafe ook thuis", places=[far], at_home=True)
    origin = Point(52.2401, 4.8301)
    result = run("taalcafe", origin=origin)
    by_slug = {r.slug: r for r in result.results}
    assert by_slug["dichtbij"].distance_m < 50 < 2000 < by_slug["ver"].distance_m
    assert by_slug["thuis"].distance_m is None
    order = [r.slug for r in result.results]
    assert order.index("dichtbij") < order.index("ver")
    assert order.index("thuis") < order.index("ver")  # not pushed down for having no place
    assert order.index("ook-thuis") < order.index("ver")  # comes to you: no distance decay
    # Nearest place first; a service without a place that comes to you is at your door.
    by_distance = run("taalcafe", origin=origin, sort=Sort.DISTANCE).results
    assert [r.slug for r in by_distance][:2] == ["thuis", "dichtbij"]
    assert {r.slug for r in by_distance[2:]} == {"ver", "ook-thuis"}


def test_distance_factor_is_mild():
    factors = ranking.distance_factors(np.array([0.0, 100_000.0, np.nan]), np.zeros(3, bool))
    assert factors[0] == pytest.approx(1.0)
    assert factors[1] == pytest.approx(ranking.DISTANCE_FLOOR)
    assert ranking.DISTANCE_FLOOR < factors[2] < 1.0  # no place: an average distance
    comes_to_you = ranking.distance_factors(np.array([100_000.0]), np.ones(1, bool))
    assert comes_to_you[0] == pytest.approx(1.0)


def test_unpublish_and_delete_remove_a_service(build):
    page = build.service("weg", "Taalcafe")
    assert found("taalcafe") == ["weg"]
    page.unpublish()
    assert found("taalcafe") == []
    page.save_revision().publish()
    assert found("taalcafe") == ["weg"]
    page.delete()
    assert found("taalcafe") == [] and not SearchEntry.objects.exists()


def test_moving_a_page_reindexes_it(build):
    first = build.service("eerste", "Taalcafe een")
    build.service("tweede", "Taalcafe twee")
    first.move(first.get_parent(), pos="last-child")  # sends Wagtail's post_page_move
    assert sorted(found("taalcafe")) == ["eerste", "tweede"]


def test_draft_services_are_not_found(build):
    build.service("concept", "Taalcafe", publish=False)
    assert found("taalcafe") == []


def test_private_services_are_not_found(build):
    from wagtail.models import PageViewRestriction

    page = build.service("prive", "Taalcafe")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert found("taalcafe") == []
    restriction.delete()
    assert found("taalcafe") == ["prive"]


def test_renaming_a_theme_or_moving_the_index_updates_results(
    build, django_capture_on_commit_callbacks
):
    theme = build.theme()
    build.service("shv", "Schulden", themes=[theme])
    theme.name = "Geld"
    theme.save()
    assert run("schulden").results[0].themes == [{"slug": "geld", "name": "Geld"}]

    from cms.models import ServiceIndexPage

    index = ServiceIndexPage.objects.get()
    index.slug = "hulp"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals slug changes then
        index.save_revision().publish()
    assert run("schulden").results[0].url == "/hulp/shv/"


def test_empty_question_lists_everything_and_nonsense_finds_nothing(build):
    build.service("a", "Taalcafe")
    build.service("b", "Koffie")
    assert run("").count == 2
    assert run("😀 ***").count == 0
    assert run("qqqqqqq").count == 0


def test_another_process_sees_changes_at_its_next_search(build):
    from search.engines.embedded import snapshot

    build.service("a", "Taalcafe")
    elsewhere = snapshot.Snapshot().refresh()  # the in-memory copy of another process
    assert {d.slug for d in elsewhere.docs.values()} == {"a"}
    build.service("b", "Taalcafe twee")
    page = build.service("c", "Taalcafe drie")
    page.unpublish()
    elsewhere = elsewhere.refresh()  # what that process's next search reads
    assert {d.slug for d in elsewhere.docs.values()} == {"a", "b"}
    assert elsewhere.df["taalcaf"] == 2
