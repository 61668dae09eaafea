"""Suggestions while typing, on the demo catalogue: titles and real questions first, never
stop words or filler."""

import pytest

pytestmark = pytest.mark.django_db


def suggest(client, q):
    return client.get("/api/suggesties/", {"q": q}).json()["suggestions"]


def test_no_stop_words_or_filler_are_offered(demo, client):
    assert not {"maken", "maakt", "mag"} & set(suggest(client, "ma"))
    assert "bijvoorbeeld" not in suggest(client, "bij")
    assert "iedereen" not in suggest(client, "ied")


def test_titles_and_real_questions_come_before_single_words(demo, client):
    found = suggest(client, "schul")
    assert found[0] == "Hulp bij schulden (schuldhulpverlening)"
    phrases_first = [" " in s for s in found]
    assert phrases_first == sorted(phrases_first, reverse=True)


def test_a_meaningful_word_is_still_offered(demo, client):
    assert "mantelzorg" in " ".join(suggest(client, "mantelz")).lower()
