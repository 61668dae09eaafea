import datetime

import pytest
from wagtail.models import Site

from agenda import schedules
from cms.models import SiteSettings
from cms.models.pages import loketten_today


@pytest.fixture
def site(build):
    theme = build.theme("geld", "Geld en schulden")
    wijk = build.wijk("thamerdal", "Thamerdal")
    place = build.place(slug="de-kuyper", name="De Kuyper", lat=52.2400, lon=4.8300)
    service = build.service(
        "pop-up-loket-de-kuyper",
        "Pop-up loket De Kuyper",
        themes=[theme],
        places=[place],
        access="walk_in",
        phrases=["ik heb een vraag over geld"],
        referral_route="GEHEIM-VERWIJSROUTE",
        contact_person_email="geheim@example.org",
        rules=[
            {"weekday": d, "start_time": datetime.time(0, 0), "end_time": datetime.time(23, 59)}
            for d in range(7)
        ],
        closed_on_public_holidays=False,
        wijken=[wijk],
    )
    return {"theme": theme, "wijk": wijk, "service": service}


def test_home_page_has_search_box_theme_tiles_and_open_loketten(client, site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert "Waar zoekt u hulp bij?" in html
    assert 'action="/zoeken/"' in html
    assert "/voorzieningen/thema/geld/" in html
    assert "Pop-up loket De Kuyper" in html  # open today (it is open every day)


def test_the_home_page_lists_the_lokets_with_a_session_later_today(build):
    monday_9 = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=schedules.TIMEZONE)
    hours = {"start_time": datetime.time(10), "end_time": datetime.time(12)}
    build.service("maandag", "Loket op maandag", access="walk_in", rules=[{"weekday": 0, **hours}])
    build.service("dinsdag", "Loket op dinsdag", access="walk_in", rules=[{"weekday": 1, **hours}])
    build.service(
        "extra",
        "Loket met een extra spreekuur",
        access="walk_in",
        rules=[{"weekday": 3, **hours}],
        exceptions=[{"date": monday_9.date(), "kind": "extra", **hours}],
    )
    build.service(
        "dicht",
        "Loket dat vandaag dicht is",
        access="walk_in",
        rules=[{"weekday": 0, **hours}],
        exceptions=[{"date": monday_9.date(), "kind": "closed"}],
    )
    build.service("afspraak", "Spreekuur op afspraak", rules=[{"weekday": 0, **hours}])
    listed = {page.slug: len(sessions) for page, sessions in loketten_today(monday_9)}
    assert listed == {"maandag": 1, "extra": 1}
    after_noon = monday_9 + datetime.timedelta(hours=3)
    assert loketten_today(after_noon) == []


def test_every_page_says_it_is_example_data_until_switched_off(client, site):
    assert "Voorbeeldgegevens" in client.get("/").content.decode()
    assert "Voorbeeldgegevens" in client.get(site["service"].url).content.decode()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.example_data = False
    settings.save()
    assert "Voorbeeldgegevens" not in client.get(site["service"].url).content.decode()


def test_service_page_shows_facts_schedule_and_last_checked(client, site):
    html = client.get("/voorzieningen/pop-up-loket-de-kuyper/").content.decode()
    assert "ik heb een vraag over geld" in html
    assert "Laatst gecontroleerd op" in html and "1 oktober 2026" in html
    assert "De Kuyper" in html
    assert "/agenda/pop-up-loket-de-kuyper.ics" in html


def test_service_page_never_shows_professional_fields_to_the_public(client, site):
    html = client.get("/voorzieningen/pop-up-loket-de-kuyper/").content.decode()
    assert "GEHEIM-VERWIJSROUTE" not in html
    assert "geheim@example.org" not in html


def test_theme_page_lists_its_services(client, site, build):
    build.service("ander", "Iets anders")
    html = client.get("/voorzieningen/thema/geld/").content.decode()
    assert "Pop-up loket De Kuyper" in html
    assert "Iets anders" not in html
    assert client.get("/voorzieningen/thema/bestaat-niet/").status_code == 404


def test_wijk_page_shows_its_sleutelpersoon_and_services(client, site):
    html = client.get("/wijken/thamerdal/").content.decode()
    assert "Sleutelpersoon Thamerdal" in html
    assert "Pop-up loket De Kuyper" in html


def test_loket_overview_shows_open_now_and_next_sessions(client, site):
    html = client.get("/loketten/").content.decode()
    assert "Pop-up loket De Kuyper" in html
    assert "Nu open" in html


def test_organisation_page_lists_services(client, site):
    html = client.get("/aanbieders/gemeente-uithoorn/").content.decode()
    assert "Pop-up loket De Kuyper" in html


def test_unknown_url_gives_a_helpful_dutch_404(client, site):
    response = client.get("/bestaat/echt/niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet" in html
    assert 'action="/zoeken/"' in html


def test_accessibility_statement_exists(client, site):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    assert "WCAG" in response.content.decode()
