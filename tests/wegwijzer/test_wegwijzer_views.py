import pytest

from wegwijzer.models import Question

pytestmark = pytest.mark.django_db


def test_step_one_lists_the_themes(client, flow):
    html = client.get("/wegwijzer/").content.decode()
    assert 'href="/wegwijzer/vragen/?thema=geld"' in html
    assert "stap 1 van 3" in html


def test_step_two_is_a_get_form_with_the_questions(client, flow):
    html = client.get("/wegwijzer/vragen/", {"thema": "geld", "haast": "vandaag"}).content.decode()
    assert 'action="/wegwijzer/uitkomst/" method="get"' in html
    assert 'name="voor-wie" value="mijn-kind"' in html
    assert 'value="vandaag" checked' in html
    assert 'name="postcode"' in html


def test_result_page(client, flow):
    response = client.get(
        "/wegwijzer/uitkomst/",
        {"thema": "geld", "voor-wie": "mijn-kind", "haast": "vandaag", "postcode": "1421 AA"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meedoen voor kinderen" in html
    assert "Heeft u vandaag nog hulp nodig?" in html
    assert "Binnenlopen zonder afspraak" in html
    assert "Gezichten in uw wijk: Centrum" in html
    assert "Liever even praten?" in html and "tel:0297000001" in html
    assert 'href="mailto:?subject=' in html


def test_result_without_postcode_asks_for_it(client, flow):
    html = client.get("/wegwijzer/uitkomst/", {"thema": "geld"}).content.decode()
    assert "Vul uw postcode in, dan ziet u wie dat in uw wijk zijn." in html
    assert 'id="wijk-postcode"' in html


@pytest.mark.parametrize(
    "query",
    [
        "thema=",
        "thema=geld&thema=wonen",
        "thema=geld&voor-wie=%00%01",
        "thema=geld&postcode=" + "1" * 5000,
        "thema=" + "a" * 300,
        "thema=geld&haast[]=1&lat=abc",
        "thema=%F0%9F%98%80&postcode=%F0%9F%98%80",
    ],
)
@pytest.mark.parametrize("path", ["/wegwijzer/vragen/", "/wegwijzer/uitkomst/"])
def test_bogus_parameters_never_fail(client, flow, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400)
    assert b"<h1>" in response.content


def test_unknown_theme_goes_back_to_step_one_kindly(client, flow):
    response = client.get("/wegwijzer/uitkomst/", {"thema": "bestaat-niet"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit onderwerp kennen we niet" in html
    assert "Waar gaat uw vraag over?" in html


def test_editors_change_the_questions(client, flow):
    question = Question.objects.get(key="haast")
    question.text = "Wanneer wilt u hulp?"
    question.active = False
    question.save()
    html = client.get("/wegwijzer/vragen/", {"thema": "geld"}).content.decode()
    assert "Wanneer wilt u hulp?" not in html
    assert "Voor wie zoekt u hulp?" in html
