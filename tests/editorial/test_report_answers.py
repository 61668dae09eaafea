"""Answering a 'Klopt er iets niet?' report from the Meldingen list, as the Redactie."""

import re

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from editorial.models import CorrectionReport


@pytest.fixture
def service(build):
    return build.service("schuldhulp", "Schuldhulp")


@pytest.fixture
def reports(service):
    def make(**kw):
        return CorrectionReport.objects.create(
            service=service,
            service_title=service.title,
            kind=kw.pop("kind", "opening_hours"),
            explanation=kw.pop("explanation", "Op woensdag dicht."),
            **kw,
        )

    return {
        "open": make(email="inwoner@example.org"),
        "done": make(kind="contact", explanation="Oud nummer.", status="resolved"),
    }


@pytest.fixture
def editor(client, make_user):
    user = make_user("redactie", first_name="Ria", last_name="Redactie")
    client.force_login(user)
    return user


def test_answer_a_report_from_the_list(client, editor, reports):
    report = reports["open"]
    listing = client.get("/beheer/meldingen/").content.decode()
    edit_url = f"/beheer/meldingen/edit/{report.pk}/"
    # The row itself opens the report, and an open report has a visible "Beantwoorden".
    row = re.search(
        rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(edit_url)}(?:(?!</tr>).)*</tr>", listing, re.S
    )
    assert row, "the row of the open report links to it"
    assert "Beantwoorden" in row.group(0)
    assert listing.count("Beantwoorden") == 1  # not for the report that is done

    form = client.get(edit_url).content.decode()
    assert "Melding beantwoorden" in form and "Op woensdag dicht." in form
    response = client.post(edit_url, {"status": "resolved", "reply": "Het klopt nu."})
    assert response.status_code == 302
    assert "De melder krijgt een e-mail" in client.get(response["Location"]).content.decode()

    (message,) = mail.outbox
    assert message.to == ["inwoner@example.org"] and "Het klopt nu." in message.body
    report.refresh_from_db()
    assert report.status == "resolved" and report.reply == "Het klopt nu."
    assert report.handled_by == editor and report.handled_at is not None
    assert report.reporter_notified and report.email == ""
    entry = ModelLogEntry.objects.get(action="editorial.report_resolved")
    assert entry.user == editor and entry.data["reply"] == "Het klopt nu."

    # The record shows who answered, when and what was sent; the text stays as sent.
    shown = client.get(edit_url).content.decode()
    assert "Ria Redactie" in shown and "Verstuurd bericht" in shown and "Het klopt nu." in shown
    client.post(edit_url, {"status": "resolved", "reply": "Iets anders achteraf."})
    report.refresh_from_db()
    assert report.reply == "Het klopt nu."


def test_filter_by_status(client, editor, reports):
    new_only = client.get("/beheer/meldingen/?status=new").content.decode()
    assert f"/beheer/meldingen/edit/{reports['open'].pk}/" in new_only
    assert f"/beheer/meldingen/edit/{reports['done'].pk}/" not in new_only
    done = client.get("/beheer/meldingen/?status=resolved").content.decode()
    assert f"/beheer/meldingen/edit/{reports['done'].pk}/" in done
    assert f"/beheer/meldingen/edit/{reports['open'].pk}/" not in done


def test_open_count_on_the_dashboard_drops_after_answering(client, editor, reports):
    assert "Meldingen (1)" in client.get("/beheer/").content.decode()
    client.post(f"/beheer/meldingen/edit/{reports['open'].pk}/", {"status": "dismissed"})
    html = client.get("/beheer/").content.decode()
    assert "Meldingen (0)" in html and "Meldingen (1)" not in html
