"""'Dit regelt u ergens anders': no unrelated services, a clear pointer instead."""

import pytest

from search.elsewhere.models import ElsewhereTopic
from tests.search.helpers import api, slugs

pytestmark = pytest.mark.django_db


def test_a_parking_permit_gets_a_pointer_to_the_gemeente_and_no_services(demo, client):
    body = api(client, q="parkeervergunning aanvragen")
    assert body["results"] == [] and body["count"] == 0
    assert body["elsewhere"]["kind"] == "gemeente"
    assert body["elsewhere"]["url"].startswith("https://")
    assert {"title", "text", "url", "phone", "kind"} <= set(body["elsewhere"])


def test_emergency_dentist_at_night_is_not_corrected_and_points_to_the_doctor(demo, client):
    body = api(client, q="tandarts spoed nacht")
    assert body["results"] == [] and body["suggestion"] is None
    assert body["elsewhere"]["kind"] == "huisartsenpost"


def test_police_and_112_have_their_numbers(demo, client):
    assert api(client, q="fiets gestolen")["elsewhere"]["phone"] == "0900 8844"
    assert api(client, q="hartaanval")["elsewhere"]["phone"] == "112"


def test_a_question_that_also_asks_for_help_here_gets_the_services(demo, client):
    body = api(client, q="ik heb geen rijbewijs meer en moet naar het ziekenhuis")
    assert body["elsewhere"] is None
    assert "automaatje" in slugs(body)[:3]


def test_the_page_shows_the_pointer(demo, client):
    html = client.get("/zoeken/", {"q": "paspoort verlengen"}).content.decode()
    assert "Dit regelt u ergens anders" in html
    assert "Paspoort of ID-kaart" in html
    assert 'href="https://www.uithoorn.example.org"' in html
    assert 'href="tel:0297000000"' in html


def test_editors_add_a_topic_and_it_works_at_once(demo, client):
    assert api(client, q="kapper aan huis")["elsewhere"] is None
    ElsewhereTopic.objects.create(
        title="Kapper",
        text="Zoek een kapper bij u in de buurt.",
        kind="other",
        url="https://www.example.org/kappers",
        triggers="kapper, kapsalon",
        context_words="knippen, huis",
    )
    assert api(client, q="kapper aan huis")["elsewhere"]["title"] == "Kapper"


def test_a_topic_needs_a_trigger_and_a_way_to_reach_it():
    from django.core.exceptions import ValidationError

    topic = ElsewhereTopic(title="Leeg", text="Uitleg", kind="other", triggers=" , ")
    with pytest.raises(ValidationError) as error:
        topic.full_clean()
    assert "triggers" in error.value.message_dict


@pytest.mark.parametrize(
    "question",
    ["parkeervergunning aanvragen", "paspoort verlengen", "grofvuil ophalen", "dakkapel bouwen"],
)
def test_what_the_gemeente_arranges_carries_the_gemeentes_phone_and_website(demo, client, question):
    elsewhere = api(client, q=question)["elsewhere"]
    assert elsewhere["kind"] == "gemeente"
    assert elsewhere["phone"] == "0297 000 000"  # the demo gemeente, fake like all demo data
    assert elsewhere["url"] == "https://www.uithoorn.example.org"


def test_emergencies_have_112_and_the_doctor_topic_a_huisartsenpost_number(demo, client):
    assert api(client, q="tandarts spoed nacht")["elsewhere"]["phone"] == "0297 000 056"
    assert api(client, q="brand in huis")["elsewhere"]["phone"] == "112"


def test_loading_the_demo_again_keeps_a_number_an_editor_filled_in(demo, client):
    from cms.demo import load_catalogue

    topic = ElsewhereTopic.objects.get(title="Paspoort of ID-kaart")
    topic.phone = "0297 000 099"
    topic.save()
    load_catalogue()
    assert api(client, q="paspoort verlengen")["elsewhere"]["phone"] == "0297 000 099"
    other = api(client, q="parkeervergunning aanvragen")["elsewhere"]
    assert other["phone"] == "0297 000 000"
