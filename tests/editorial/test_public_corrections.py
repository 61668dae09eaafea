"""'Klopt er iets niet?': the public form, its guards, and the 'Meldingen' inbox."""

import re

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from editorial.models import CorrectionReport
from editorial.ratelimit import CORRECTIONS


@pytest.fixture
def service(build):
    return build.service("schuldhulp", "Schuldhulp")


@pytest.fixture
def form_url(service):
    return service.url + "wijziging/"


def post(client, url, **data):
    payload = {"kind": "contact", "explanation": "Het nummer is veranderd.", "email": ""}
    payload.update(data)
    return client.post(url, payload)


def test_service_page_links_to_the_form(client, service, form_url):
    html = client.get(service.url).content.decode()
    assert f'href="{form_url}"' in html
    assert "Klopt er iets niet?" in html


def test_form_shows_the_choices(client, form_url):
    response = client.get(form_url)
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "De openingstijden kloppen niet",
        "De contactgegevens kloppen niet",
        "Dit bestaat niet meer",
        "Iets anders",
    ):
        assert label in html


def test_a_report_lands_in_the_inbox(client, service, form_url):
    response = post(client, form_url, email="inwoner@example.org")
    assert response.status_code == 302
    assert response["Location"] == form_url + "bedankt/"
    assert "Bedankt voor uw melding" in client.get(response["Location"]).content.decode()
    report = CorrectionReport.objects.get()
    assert report.service.specific == service
    assert report.kind == "contact"
    assert report.email == "inwoner@example.org"
    assert report.status == "new"
    assert not hasattr(report, "ip_address")


def test_explanation_is_needed_unless_it_no_longer_exists(client, form_url):
    response = post(client, form_url, explanation="")
    assert response.status_code == 200
    assert "Schrijf kort wat er niet klopt" in response.content.decode()
    assert post(client, form_url, kind="gone", explanation="").status_code == 302
    assert post(client, form_url, kind="wrong").status_code == 200
    assert CorrectionReport.objects.count() == 1


def test_honeypot_stores_nothing_but_looks_fine(client, form_url):
    response = post(client, form_url, website="http://spam.example")
    assert response.status_code == 302
    assert not CorrectionReport.objects.exists()


def test_honeypot_is_off_screen_and_out_of_the_tab_order(client, form_url):
    html = client.get(form_url).content.decode()
    trap = re.search(r'<div class="honeypot" aria-hidden="true">.*?</div>', html, re.S)
    assert trap and 'tabindex="-1"' in trap.group(0) and 'autocomplete="off"' in trap.group(0)
    assert " style=" not in html  # hidden by the stylesheet: the page runs under a strict CSP


def test_rate_limit_answers_429_with_a_kind_message(client, form_url):
    for _ in range(CORRECTIONS.max_requests):
        assert post(client, form_url).status_code == 302
    response = post(client, form_url)
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert CorrectionReport.objects.count() == CORRECTIONS.max_requests


def test_rate_limit_is_per_client(client, form_url):
    for _ in range(CORRECTIONS.max_requests):
        post(client, form_url)
    payload = {"kind": "gone", "explanation": ""}
    assert client.post(form_url, payload, REMOTE_ADDR="192.0.2.99").status_code == 302


def test_odd_input_is_handled_kindly(client, form_url):
    text = "Tel\x00efoon <script>alert(1)</script> klopt niet 😀\r\nNieuw: 0297 123"
    assert post(client, form_url, explanation=text).status_code == 302
    report = CorrectionReport.objects.get()
    assert report.explanation == (
        "Telefoon <script>alert(1)</script> klopt niet 😀\nNieuw: 0297 123"
    )


def test_very_long_input_gets_an_explanation_not_an_error_page(client, form_url):
    response = post(client, form_url, explanation="x" * 10_000)
    assert response.status_code == 200
    html = response.content.decode()
    assert "10000 tekens lang" in html and "2000 tekens" in html
    assert not CorrectionReport.objects.exists()


def test_bad_email_is_explained(client, form_url):
    response = post(client, form_url, email="geen-adres")
    assert response.status_code == 200
    assert "Dit e-mailadres klopt niet" in response.content.decode()


# The inbox ------------------------------------------------------------------------------


@pytest.fixture
def report(service):
    return CorrectionReport.objects.create(
        service=service,
        service_title=service.title,
        kind="opening_hours",
        explanation="Op woensdag <b>dicht</b>.",
        email="inwoner@example.org",
    )


def test_redactie_sees_the_inbox(client, make_user, report):
    client.force_login(make_user("redactie"))
    html = client.get("/beheer/meldingen/").content.decode()
    assert "Schuldhulp" in html
    edit = client.get(f"/beheer/meldingen/edit/{report.pk}/").content.decode()
    assert "Op woensdag &lt;b&gt;dicht&lt;/b&gt;." in edit
    assert f"/beheer/pages/{report.service_id}/edit/" in edit


def test_nobody_adds_reports_in_the_admin(client, make_user, db):
    client.force_login(make_user("beheer"))
    assert client.get("/beheer/meldingen/new/").status_code in (302, 403)


def test_resolving_answers_the_reporter_and_forgets_the_address(client, make_user, report):
    editor = make_user("redactie")
    client.force_login(editor)
    response = client.post(
        f"/beheer/meldingen/edit/{report.pk}/",
        {"status": "resolved", "reply": "De tijden zijn aangepast."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.handled_by == editor and report.handled_at
    assert report.email == "" and report.reporter_notified
    (message,) = mail.outbox
    assert message.to == ["inwoner@example.org"]
    assert "aangepast" in message.body and "De tijden zijn aangepast." in message.body
    assert "Schuldhulp" in message.subject
    assert PageLogEntry.objects.filter(action="editorial.report_resolved").exists()

    # Saving again sends nothing more.
    client.post(f"/beheer/meldingen/edit/{report.pk}/", {"status": "dismissed", "reply": ""})
    assert len(mail.outbox) == 1


def test_dismissing_also_answers(client, make_user, report):
    client.force_login(make_user("redactie"))
    client.post(f"/beheer/meldingen/edit/{report.pk}/", {"status": "dismissed", "reply": ""})
    (message,) = mail.outbox
    assert "We passen niets aan" in message.body


def test_no_email_no_message(client, make_user, report):
    report.email = ""
    report.save()
    client.force_login(make_user("redactie"))
    client.post(f"/beheer/meldingen/edit/{report.pk}/", {"status": "resolved", "reply": ""})
    assert mail.outbox == []
    report.refresh_from_db()
    assert report.status == "resolved"


def test_aanbieder_and_professional_have_no_inbox(client, make_user, orgs, report):
    for user in (make_user("aanbieder", organisation=orgs["own"]), make_user("professional")):
        client.force_login(user)
        assert client.get("/beheer/meldingen/").status_code == 302


def test_report_survives_deleting_the_service(report, service):
    service.delete()
    report.refresh_from_db()
    assert report.service is None and report.service_title == "Schuldhulp"
