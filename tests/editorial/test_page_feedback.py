"""'Heeft deze informatie u geholpen?': plain POST, anonymous, a weekly overview for editors."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from editorial import feedback
from editorial.models import PageFeedback


@pytest.fixture
def service(build):
    return build.service("thuisadministratie", "Hulp bij de thuisadministratie")


def test_service_page_has_a_form_that_works_without_javascript(client, service):
    html = client.get(service.url).content.decode()
    form = re.search(
        r'<form class="feedback" method="post" action="([^"]+)">(.*?)</form>', html, re.S
    )
    assert form and form.group(1) == "/feedback/"
    assert f'name="page" value="{service.pk}"' in form.group(2)
    assert 'name="helpful" value="ja"' in form.group(2)
    assert 'name="helpful" value="nee"' in form.group(2)


def test_yes_is_stored_anonymously(client, service):
    response = client.post("/feedback/", {"helpful": "ja", "page": service.pk, "next": service.url})
    assert response.status_code == 302
    answer = PageFeedback.objects.get()
    assert answer.helpful and answer.page.pk == service.pk
    assert answer.created_on == timezone.localdate()
    thanks = client.get(response["Location"]).content.decode()
    assert "Bedankt" in thanks and f'href="{service.url}"' in thanks
    assert not response.cookies and not client.cookies


def test_no_asks_what_was_missing(client, service):
    response = client.post(
        "/feedback/", {"helpful": "nee", "page": service.pk, "next": service.url}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/feedback/wat-miste-u/")
    page = client.get(response["Location"]).content.decode()
    assert "Wat miste u?" in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    response = client.post(
        "/feedback/wat-miste-u/",
        {"token": token, "missing": "De openingstijden.\x00", "next": service.url},
    )
    assert response.status_code == 302
    answer = PageFeedback.objects.get()
    assert not answer.helpful and answer.missing == "De openingstijden."
    # The same token cannot overwrite it.
    client.post("/feedback/wat-miste-u/", {"token": token, "missing": "Iets anders"})
    answer.refresh_from_db()
    assert answer.missing == "De openingstijden."


def test_forged_token_changes_nothing(client, service):
    client.post("/feedback/", {"helpful": "nee", "page": service.pk})
    client.post("/feedback/wat-miste-u/", {"token": "1:nep", "missing": "Gehackt"})
    assert PageFeedback.objects.get().missing == ""


def test_feedback_on_search_results_keeps_the_question(client, db):
    client.post("/feedback/", {"helpful": "nee", "q": "  huur  betalen "})
    answer = PageFeedback.objects.get()
    assert answer.source == "search" and answer.page is None
    assert answer.query == "huur  betalen"


def test_search_results_include():
    request = RequestFactory().get("/zoeken/?q=huur")
    html = render_to_string(
        "editorial/_feedback.html", {"feedback_query": "huur", "request": request}
    )
    assert 'name="q" value="huur"' in html and 'name="page"' not in html


def test_unsafe_next_is_ignored(client, service):
    response = client.post(
        "/feedback/", {"helpful": "ja", "page": service.pk, "next": "https://evil.example/"}
    )
    assert "evil" not in client.get(response["Location"]).content.decode()


def test_invalid_answer_is_a_kind_400(client, db):
    response = client.post("/feedback/", {"helpful": "misschien"})
    assert response.status_code == 400
    assert "Probeer het nog eens" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_feedback_is_rate_limited(client, service):
    from editorial.ratelimit import FEEDBACK

    for _ in range(FEEDBACK.max_requests):
        client.post("/feedback/", {"helpful": "ja", "page": service.pk})
    assert client.post("/feedback/", {"helpful": "ja", "page": service.pk}).status_code == 429


def test_no_ip_address_is_stored_anywhere():
    for model_field in PageFeedback._meta.get_fields():
        assert "ip" not in model_field.name.split("_")


# Weekly overview --------------------------------------------------------------------------


def _answer(helpful, page=None, query="", missing="", day=None):
    answer = feedback.record(helpful=helpful, page=page, query=query)
    PageFeedback.objects.filter(pk=answer.pk).update(
        missing=missing, created_on=day or timezone.localdate()
    )


def test_weekly_overview_per_page_most_no_first(build, service):
    other = build.service("ander", "Andere hulp")
    monday = feedback.week_start(timezone.localdate())
    _answer(True, service)
    _answer(False, service, missing="Het adres")
    _answer(False, other)
    _answer(False, other)
    _answer(False, query="huurtoeslag")
    _answer(False, other, day=monday - datetime.timedelta(days=1))  # last week
    rows = feedback.weekly_overview(monday)
    assert [(r.title, r.yes, r.no) for r in rows] == [
        ("Andere hulp", 0, 2),
        ("Hulp bij de thuisadministratie", 1, 1),
        ("huurtoeslag", 0, 1),
    ]
    assert rows[1].missing == ["Het adres"] and rows[1].percentage_helped == 50


def test_editors_see_the_report_beside_the_reports_menu(client, make_user, service):
    _answer(False, service, missing="Een telefoonnummer")
    client.force_login(make_user("redactie"))
    html = client.get("/beheer/redactie/feedback/").content.decode()
    assert "Hulp bij de thuisadministratie" in html and "Een telefoonnummer" in html
    last_week = client.get("/beheer/redactie/feedback/?week=2020-W01").content.decode()
    assert "Deze week zijn er geen antwoorden" in last_week
    assert "Heeft dit geholpen?" in client.get("/beheer/").content.decode()


def test_aanbieder_does_not_see_the_report(client, make_user, orgs):
    client.force_login(make_user("aanbieder", organisation=orgs["own"]))
    assert client.get("/beheer/redactie/feedback/").status_code in (302, 403)


def test_parse_week():
    today = datetime.date(2026, 11, 25)
    assert feedback.parse_week("2026-W48", today) == datetime.date(2026, 11, 23)
    assert feedback.parse_week("", today) == datetime.date(2026, 11, 23)
    for wrong in ("onzin", "2026-W99", "9999-W52", "1-W01", "２０２６-W01", "2026-W4\x00"):
        with pytest.raises(feedback.InvalidWeek):
            feedback.parse_week(wrong, today)
