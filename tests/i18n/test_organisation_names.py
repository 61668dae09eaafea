"""On the English site a service names its organisation in English: the title of the
organisation page's English translation when it has a live one, the Dutch name otherwise. On
result cards (search, theme, wijk and organisation lists) and on the service page."""

import re

import pytest

from search import indexing
from search.engines.embedded import snapshot


@pytest.fixture
def fresh_index():
    snapshot.reset()
    yield lambda: indexing.rebuild(elastic=False)
    snapshot.reset()


def _shown(client, url) -> str:
    """What a resident reads: the page without its scripts (JSON-LD keeps the Dutch source)."""
    html = client.get(url).content.decode()
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


def _facts(html: str) -> list[str]:
    """The "Van:" (from) line of every result card."""
    return re.findall(r"<dt>(?:From|Van):</dt> <dd>([^<]*)</dd>", html)


@pytest.fixture
def services(build, translate):
    """Two services of a translated organisation and one of an untranslated one, all three
    translated into English."""
    theme = build.theme()
    council = build.organisation()
    food_bank = build.organisation(slug="voedselbank", name="Voedselbank Uithoorn")
    dutch = [
        build.service(
            slug=slug, title=title, organisation=organisation, themes=[theme], phrases=["geld"]
        )
        for slug, title, organisation in (
            ("schuldhulp", "Schuldhulp", council),
            ("bijstand", "Bijstand aanvragen", council),
            ("voedselpakket", "Voedselpakket", food_bank),
        )
    ]
    translate(council, "Municipality of Uithoorn")  # built first: the index pages are Dutch
    for service in dutch:
        translate(service, f"{service.title} (in English)")


def test_theme_page_cards_name_the_organisation_in_english(client, services):
    english = _shown(client, "/en/voorzieningen/thema/geld/")
    assert sorted(_facts(english)) == [
        "Municipality of Uithoorn",
        "Municipality of Uithoorn",
        "Voedselbank Uithoorn",  # no English translation: the Dutch name
    ]
    dutch = _shown(client, "/voorzieningen/thema/geld/")
    assert sorted(_facts(dutch)) == [
        "Gemeente Uithoorn",
        "Gemeente Uithoorn",
        "Voedselbank Uithoorn",
    ]


def test_theme_page_cards_look_up_the_organisations_once(client, build, translate):
    """As many organisation queries for a list of two cards as for one of five."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    money, housing = build.theme(), build.theme(slug="wonen", name="Wonen")
    council = build.organisation()
    other = build.organisation(slug="woningbouw", name="Woningbouwvereniging")
    dutch = [
        build.service(
            slug=f"dienst-{n}",
            organisation=(council, other)[n % 2],
            themes=[(money, housing)[n > 1]],
        )
        for n in range(7)
    ]
    translate(council, "Municipality of Uithoorn")
    for service in dutch:
        translate(service, f"{service.slug} in English")

    def organisation_queries(theme):
        with CaptureQueriesContext(connection) as counted:
            html = _shown(client, f"/en/voorzieningen/thema/{theme}/")
        return len(_facts(html)), sum(
            "cms_organisationpage" in q["sql"] for q in counted.captured_queries
        )

    cards_two, queries_two = organisation_queries("geld")
    cards_five, queries_five = organisation_queries("wonen")
    assert (cards_two, cards_five) == (2, 5)
    assert queries_two == queries_five


def test_service_page_names_the_organisation_in_english(client, services):
    english = _shown(client, "/en/voorzieningen/schuldhulp/")
    assert ">Municipality of Uithoorn</a>" in english and "Gemeente Uithoorn" not in english
    assert ">Voedselbank Uithoorn</a>" in _shown(client, "/en/voorzieningen/voedselpakket/")
    assert ">Gemeente Uithoorn</a>" in _shown(client, "/voorzieningen/schuldhulp/")


def test_search_results_name_the_organisation_in_english(client, services, fresh_index):
    fresh_index()
    english = _shown(client, "/en/zoeken/?q=geld")
    assert sorted(_facts(english)) == [
        "Municipality of Uithoorn",
        "Municipality of Uithoorn",
        "Voedselbank Uithoorn",
    ]
    assert sorted(_facts(_shown(client, "/zoeken/?q=geld"))) == [
        "Gemeente Uithoorn",
        "Gemeente Uithoorn",
        "Voedselbank Uithoorn",
    ]
    api = client.get("/api/zoeken/", {"q": "geld", "lang": "en"}).json()["results"]
    names = {r["slug"]: r["organisation"] for r in api}
    assert names["schuldhulp"] == {"slug": "gemeente-uithoorn", "name": "Municipality of Uithoorn"}
    dutch_api = client.get("/api/zoeken/", {"q": "geld"}).json()["results"]
    assert {r["organisation"]["name"] for r in dutch_api} == {
        "Gemeente Uithoorn",
        "Voedselbank Uithoorn",
    }


def test_the_switcher_keeps_a_sub_page_of_a_routable_page(client, services):
    """A theme page is a sub-page of the services overview (thema/geld/): the switcher and the
    hreflang alternates point at the same theme in the other language."""
    english = client.get("/en/voorzieningen/thema/geld/").content.decode()
    assert 'href="/voorzieningen/thema/geld/" hreflang="nl"' in english
    assert 'hreflang="x-default" href="http://testserver/voorzieningen/thema/geld/"' in english
    dutch = client.get("/voorzieningen/thema/geld/").content.decode()
    assert 'href="/en/voorzieningen/thema/geld/" hreflang="en"' in dutch
