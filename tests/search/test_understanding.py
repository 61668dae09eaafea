"""Query understanding on the demo catalogue: place, time and person words become
preferences, shown on the page and in the API with a way to undo each part."""

import datetime

import pytest

from agenda import schedules
from search.understanding import times
from search.understanding.words import Words
from tests.search.helpers import api, slugs

pytestmark = pytest.mark.django_db

TUESDAY_9 = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=schedules.TIMEZONE)


def parts(body):
    return {p["key"]: p["label"] for p in body["understood"]["parts"]}


def test_a_village_name_means_near_there_not_text_to_match(demo, client):
    body = api(client, q="mijn moeder van 84 is eenzaam in De Kwakel")
    assert parts(body) == {"plaats": "in de buurt van De Kwakel", "voor": "voor ouderen"}
    assert body["understood"]["target_groups"] == [{"slug": "ouderen", "name": "ouderen"}]
    assert body["count"] >= 3  # the place and the age no longer lose results
    assert all(r["distance_m"] is not None or r["slug"] for r in body["results"])


def test_daytime_activity_for_father_in_de_kwakel_prefers_the_village(demo, client):
    found = slugs(api(client, q="dagactiviteit voor mijn vader in De Kwakel"))
    assert found[0] == "ontmoeting-dorpshuis-de-kwakel"
    assert "jongerenwerk" not in found[:3]


def test_streets_and_postcodes_of_the_catalogue_are_places(demo, client):
    street = api(client, q="koffie drinken bij de Kuyperlaan")
    assert street["understood"]["place"]["kind"] == "straat"
    assert slugs(street)[0] == "buurtkamer-thamerdal"
    postcode = api(client, q="buurtkamer 1427")
    assert postcode["understood"]["place"]["kind"] == "postcode"
    assert parts(postcode)["plaats"] == "in de buurt van postcode 1427"


def test_time_words_prefer_what_is_open_then_and_are_no_search_words(demo, client):
    body = api(client, q="waterlinie vandaag open")
    assert slugs(body)[0] == "loket-waterlinie"
    assert parts(body) == {"wanneer": "vandaag"}
    assert body["understood"]["text"] == "waterlinie"


def test_weekday_and_part_of_day_become_a_window():
    words = Words("koffie dinsdagochtend")
    hit = times.recognise(words, TUESDAY_9 - datetime.timedelta(days=1))
    assert hit.label == "op dinsdag 's ochtends"
    (start, end), *_ = hit.windows
    assert (start.date(), start.hour, end.hour) == (datetime.date(2026, 11, 24), 6, 12)
    assert words.rest() == "koffie"


def test_open_in_a_long_sentence_stays_a_word():
    words = Words("ik durf de post niet meer open te maken")
    assert times.recognise(words, TUESDAY_9) is None
    assert "open" in words.rest()


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("mijn zoon van 15 blowt", "jongeren"),
        ("mijn baby huilt veel", "ouders-en-kinderen"),
        ("ik kom uit Syrië", "nieuwkomers"),
        ("hulp voor opa", "ouderen"),
    ],
)
def test_person_words_become_a_target_group_preference(demo, client, question, group):
    body = api(client, q=question)
    assert group in [g["slug"] for g in body["understood"]["target_groups"]]
    assert body["results"]


def test_only_a_person_left_browses_the_services_for_that_group(demo, client):
    found = slugs(api(client, q="ik kom uit Syrië"))
    assert {"inburgering", "statushouders-begeleiding"} <= set(found[:5])


def test_each_part_can_be_undone(demo, client):
    body = api(client, q="eenzaam in De Kwakel", negeer="plaats")
    assert body["understood"] is None
    page = client.get("/zoeken/", {"q": "mijn moeder van 84 is eenzaam in De Kwakel"})
    html = page.content.decode()
    assert "Gezocht in de buurt van De Kwakel, voor ouderen." in html
    assert "negeer=plaats" in html and "negeer=voor" in html
    assert "Zoek zonder ‘in de buurt van De Kwakel’" in html


def test_an_unknown_undo_value_is_a_clear_dutch_error(demo, client):
    response = client.get("/api/zoeken/", {"q": "koffie", "negeer": "alles"})
    assert response.status_code == 400
    assert "plaats" in response.json()["message"]


def test_filler_never_removes_the_main_service(demo, client):
    found = slugs(api(client, q="Ik heb schulden en durf de post niet meer open te maken"))
    assert {"schuldhulpverlening", "sociaal-loket", "maatschappelijk-werk"} & set(found[:5])
    assert "budgetmaatje" in found[:5]


def test_word_forms_come_from_the_lexicon(demo, client):
    assert slugs(api(client, q="brengt iemand mij naar het ziekenhuis"))[0] in {
        "automaatje",
        "regiotaxi",
    }
    lonely = slugs(api(client, q="vereenzaming"))
    assert {"buurtkamer-thamerdal", "welzijn-op-recept", "buurtkamer-meerwijk"} & set(lonely)
    assert slugs(api(client, q="mijn broer blowt"))[:1] == ["jongerenwerk"]


def test_did_you_mean_only_for_words_that_are_not_dutch(demo, client):
    assert api(client, q="eenzaamheid nacht")["suggestion"] is None
    assert api(client, q="schuldn in De Kwakel")["suggestion"] == "schulden in de kwakel"


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("i feel lonely", {"buurtkamer-thamerdal", "buurtkamer-meerwijk", "welzijn-op-recept"}),
        ("where can I learn Dutch", {"taalhuis-bibliotheek", "inburgering"}),
        ("debt help", {"schuldhulpverlening", "budgetmaatje", "vroegsignalering-schulden"}),
    ],
)
def test_english_questions_find_the_same_services(demo, client, question, wanted):
    assert wanted & set(slugs(api(client, q=question))[:3])
