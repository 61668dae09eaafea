import pytest
from django.http import QueryDict

from wegwijzer import flow

pytestmark = pytest.mark.django_db


def read(query: str) -> flow.Choices:
    return flow.read_choices(QueryDict(query))


def test_default_questions(questions):
    found = {q.key: [a.key for a in q.answers] for q in flow.questions()}
    assert found == {
        "voor-wie": ["mijzelf", "mijn-kind", "ouder-of-partner"],
        "haast": ["vandaag", "deze-week", "geen-haast"],
    }


def test_choices_lead_to_themes_and_target_groups(flow):
    choices = read("thema=geld&voor-wie=ouder-of-partner&haast=vandaag&postcode=1421aa")
    assert choices.theme.slug == "geld"
    assert choices.themes == ("geld", "zorgen-voor-een-ander")
    assert "mantelzorgers" in choices.target_groups
    assert choices.urgent
    assert choices.postcode == "1421 AA" and choices.location is not None
    assert choices.notices == ()
    assert choices.query() == (
        "thema=geld&voor-wie=ouder-of-partner&haast=vandaag&postcode=1421+AA"
    )


def test_nothing_chosen_means_no_restriction(flow):
    choices = read("thema=geld&voor-wie=mijzelf")
    assert choices.themes == ("geld",) and choices.target_groups == ()
    assert not choices.urgent


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("thema=onbekend", "Dit onderwerp kennen we niet"),
        ("thema=%3Cb%3E", "Dit onderwerp kennen we niet"),
        ("thema=geld&haast=gisteren", "Eén antwoord kenden we niet"),
        ("thema=geld&postcode=9999ZZ", "We kennen postcode 9999 ZZ niet"),
        ("thema=geld&postcode=hallo", "Dit is geen postcode"),
    ],
)
def test_wrong_input_becomes_a_kind_notice(flow, query, message):
    choices = read(query)
    assert any(message in notice for notice in choices.notices)
    assert choices.location is None
