import datetime

import pytest


@pytest.fixture
def service(build):
    wijk = build.wijk("thamerdal", "Thamerdal")
    place = build.place(
        slug="de-kuyper", name="De Kuyper", lat=52.2400, lon=4.8300, postcode="1421AB"
    )
    return build.service(
        "pop-up-loket-de-kuyper",
        "Pop-up loket De Kuyper",
        themes=[build.theme()],
        places=[place],
        phrases=["ik heb een vraag"],
        access="walk_in",
        referral_route="GEHEIM-VERWIJSROUTE",
        intake_criteria="GEHEIME-INTAKE",
        contact_person_email="geheim@example.org",
        rules=[{"weekday": 3, "start_time": datetime.time(9, 30), "end_time": datetime.time(12)}],
        wijken=[wijk],
    )


def test_service_list_shape(client, service):
    body = client.get("/api/voorzieningen/").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["slug"] == "pop-up-loket-de-kuyper"
    assert item["url"] == "/voorzieningen/pop-up-loket-de-kuyper/"
    assert item["organisation"] == {"slug": "gemeente-uithoorn", "name": "Gemeente Uithoorn"}
    assert item["themes"] == [{"slug": "geld", "name": "Geld en schulden"}]
    place = item["places"][0]
    assert place["postcode"] == "1421 AB"
    assert place["lat"] == pytest.approx(52.24) and place["lon"] == pytest.approx(4.83)
    assert place["wijk"] == "thamerdal"
    assert item["wijken"] == [{"slug": "thamerdal", "name": "Thamerdal"}]
    assert item["last_checked"] == "2026-10-01"


def test_unpublished_services_are_not_listed(client, build, service):
    build.service("concept", "Nog niet klaar", publish=False)
    slugs = [s["slug"] for s in client.get("/api/voorzieningen/").json()["results"]]
    assert slugs == ["pop-up-loket-de-kuyper"]


def test_service_detail_has_public_fields_only(client, service, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "x")
    client.force_login(admin)
    response = client.get("/api/voorzieningen/pop-up-loket-de-kuyper/")
    assert response.status_code == 200
    body = response.json()
    assert body["helps_with"] == ["ik heb een vraag"]
    assert body["access"] == "walk_in"
    assert len(body["next_sessions"]) == 5
    text = response.content.decode()
    for secret in ("GEHEIM-VERWIJSROUTE", "GEHEIME-INTAKE", "geheim@example.org"):
        assert secret not in text


def test_unknown_service_gives_json_404(client, home):
    response = client.get("/api/voorzieningen/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "bestaat-niet" in response.json()["message"]


def test_wijken_endpoint(client, service):
    body = client.get("/api/wijken/").json()
    wijk = body["results"][0]
    assert wijk["slug"] == "thamerdal"
    assert wijk["geometry"]["type"] == "Polygon"
    assert wijk["sleutelpersonen"][0]["name"] == "Sleutelpersoon Thamerdal"
    assert wijk["url"] == "/wijken/thamerdal/"


def test_loketten_endpoint_lists_next_sessions_with_offsets(client, service):
    body = client.get("/api/loketten/").json()
    loket = body["results"][0]
    assert loket["slug"] == "pop-up-loket-de-kuyper"
    assert isinstance(loket["open_now"], bool)
    assert len(loket["next_sessions"]) >= 5
    for session in loket["next_sessions"]:
        start = datetime.datetime.fromisoformat(session["start"])
        assert start.utcoffset() is not None
        assert start.weekday() == 3 and (start.hour, start.minute) == (9, 30)
        assert session["place"] == "De Kuyper"
        assert session["extra"] is False


def test_ical_feed(client, service):
    response = client.get("/agenda/pop-up-loket-de-kuyper.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert b"TZID=Europe/Amsterdam" in response.content
    assert client.get("/api/loketten/").json()["results"][0]["ical"] == (
        "/agenda/pop-up-loket-de-kuyper.ics"
    )


def test_ical_feed_of_unknown_service_is_404(client, home):
    assert client.get("/agenda/bestaat-niet.ics").status_code == 404
