"""The benchmarks' bulk generator (benchmarks/dutch_corpus.py) makes services a resident and an
editor cannot tell from ones added through Wagtail: live pages at their addresses, in a valid
page tree, found by the search after a rebuild, and editable and publishable as usual."""

import collections

import pytest
from wagtail.models import Page

from benchmarks.dutch_corpus import generate_services
from cms.models import ServiceIndexPage, ServicePage
from search import indexing, query
from search.types import SearchParams

pytestmark = pytest.mark.django_db

COUNT = 40


@pytest.fixture
def generated(build):
    for slug, name in (("geld", "Geld"), ("wonen", "Wonen"), ("taal-en-meedoen", "Taal")):
        build.theme(slug=slug, name=name)
    build.target_group("ouderen", "Ouderen")
    build.target_group("jongeren", "Jongeren")
    # One service added the usual way first: the generated ones must follow it in the tree.
    build.service("bestaand", "Hulp bij de belastingaangifte", themes=[build.theme()])
    assert generate_services(COUNT, seed=7) == COUNT
    return list(ServicePage.objects.filter(slug__startswith="bench-").order_by("path"))


def found(q: str) -> list[str]:
    return [r.slug for r in query.run(SearchParams(q=q), record=False).results]


def test_the_tree_stays_valid_with_the_generated_services_after_the_existing_one(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    index = ServiceIndexPage.objects.get()
    children = list(index.get_children().specific())
    assert index.numchild == len(children) == COUNT + 1
    assert [c.slug for c in children] == ["bestaand"] + [f"bench-{n}" for n in range(COUNT)]
    assert all(c.get_parent().specific == index for c in children[:3])


def test_generated_services_are_live_pages_with_their_texts(client, generated):
    assert all(p.live and p.url_path == f"{p.get_parent().url_path}{p.slug}/" for p in generated)
    assert ServicePage.objects.live().count() == COUNT + 1
    for page in (generated[0], generated[COUNT // 2], generated[-1]):
        response = client.get(f"/voorzieningen/{page.slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert page.title in html and page.summary in html
        assert all(phrase.text in html for phrase in page.phrases.all())
        assert page.phrases.count() >= 3 and page.themes.exists()


def test_generated_services_are_found_by_the_search_after_a_rebuild(client, generated):
    report = indexing.rebuild(elastic=False)
    assert report.services == COUNT + 1
    titles = collections.Counter(p.title for p in generated)
    unique = next(p for p in generated if titles[p.title] == 1)
    assert unique.slug in found(unique.title)[:3]
    html = client.get("/zoeken/", {"q": unique.title}).content.decode()
    assert f'href="/voorzieningen/{unique.slug}/"' in html


def test_an_editor_can_edit_and_publish_a_generated_service(generated):
    indexing.rebuild(elastic=False)
    page = generated[3]
    assert found("fietsenmaker") == []
    page.summary = "Ook de fietsenmaker in de wijk helpt hier mee."
    page.save_revision().publish()
    assert found("fietsenmaker") == [page.slug]
    assert Page.find_problems() == ([], [], [], [], [])


def test_with_an_english_tree_the_services_go_under_the_dutch_index(build):
    from wagtail.models import Locale

    build.theme()
    build.target_group("ouderen", "Ouderen")
    build.target_group("jongeren", "Jongeren")
    organisation = build.organisation()
    english = Locale.objects.get(language_code="en")
    dutch_index = ServiceIndexPage.objects.get()
    dutch_index.copy_for_translation(english, copy_parents=True).save_revision().publish()
    organisation.copy_for_translation(english, copy_parents=True).save_revision().publish()

    generate_services(5, seed=3)

    made = ServicePage.objects.filter(slug__startswith="bench-")
    assert {p.get_parent().id for p in made} == {dutch_index.id}
    assert {p.locale_id for p in made} == {dutch_index.locale_id}
    assert {p.organisation_id for p in made} == {organisation.id}
    assert Page.find_problems() == ([], [], [], [], [])
