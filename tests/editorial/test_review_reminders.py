"""send_review_reminders: one e-mail per responsible editor (or organisation) with due entries."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from editorial.reminders import REPEAT_DAYS

TODAY = datetime.date(2027, 3, 1)
LONG_AGO = datetime.date(2026, 1, 1)  # due on 2026-07-01


@pytest.fixture
def setup(build, make_user):
    editor = make_user("redactie", email="petra@example.org", first_name="Petra")
    with_email = build.organisation("buurtwerk", "Buurtwerk")
    with_email.email = "info@buurtwerk.example"
    with_email.save_revision().publish()
    without_email = build.organisation("zonder-mail", "Zonder mail")
    return {
        "editor": editor,
        "mine": build.service(
            "voor-petra", "Voor Petra", responsible=editor, last_checked=LONG_AGO
        ),
        "mine_too": build.service(
            "ook-petra", "Ook voor Petra", responsible=editor, last_checked=LONG_AGO
        ),
        "org": build.service(
            "voor-buurtwerk", "Voor Buurtwerk", organisation=with_email, last_checked=LONG_AGO
        ),
        "nobody": build.service(
            "van-niemand", "Van niemand", organisation=without_email, last_checked=LONG_AGO
        ),
        "fresh": build.service(
            "vers", "Vers", responsible=editor, last_checked=datetime.date(2027, 2, 1)
        ),
    }


def run(today=TODAY, *args):
    call_command("send_review_reminders", f"--today={today.isoformat()}", *args)


def _mail_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_one_email_per_recipient_with_their_due_entries(setup):
    run()
    petra = _mail_to("petra@example.org")
    assert len(petra) == 1
    body = petra[0].body
    assert "Beste Petra" in body
    assert "Voor Petra" in body and "Ook voor Petra" in body
    assert "Vers" not in body.replace("Voor Petra", "")
    assert f"/beheer/pages/{setup['mine'].pk}/edit/" in body
    assert "gecontroleerd" in petra[0].subject

    buurtwerk = _mail_to("info@buurtwerk.example")
    assert len(buurtwerk) == 1 and "Voor Buurtwerk" in buurtwerk[0].body
    assert "Voor Petra" not in buurtwerk[0].body


def test_entries_without_anyone_go_to_the_redactie(setup):
    run()
    (petra,) = _mail_to("petra@example.org")  # Petra is in the Redactie
    assert "Van niemand" in petra.body


def test_not_sent_again_the_next_day_but_again_after_a_week(setup):
    run()
    sent = len(mail.outbox)
    assert sent == 2
    run(TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == sent
    run(TODAY + datetime.timedelta(days=REPEAT_DAYS))
    assert len(mail.outbox) == sent * 2


def test_checked_entries_drop_out(setup):
    service = setup["org"]
    service.last_checked = TODAY
    service.save_revision().publish()
    run()
    assert not _mail_to("info@buurtwerk.example")


def test_dry_run_sends_nothing(setup, capsys):
    run(TODAY, "--dry-run")
    assert mail.outbox == []
    out = capsys.readouterr().out
    assert "petra@example.org" in out and "Zou sturen" in out
