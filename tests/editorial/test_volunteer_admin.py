"""The admin as a volunteer of the Redactie uses it: dashboard, menu, page tree, publishing."""

import json
import re

import pytest
from django.utils import timezone

from editorial.models import CorrectionReport


@pytest.fixture
def redactie(client, make_user, orgs):
    client.force_login(make_user("redactie"))
    return client


def _sidebar_labels(html: str) -> list[str]:
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    labels = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return labels


def _report(service, **kw):
    return CorrectionReport.objects.create(
        service=service,
        service_title=service.title,
        kind="contact",
        explanation="Oud nummer.",
        **kw,
    )


def test_dashboard_has_the_four_shortcuts_with_counts(redactie, orgs):
    _report(orgs["own_service"])
    _report(orgs["own_service"], status="resolved")
    overdue = orgs["other_service"]
    overdue.last_checked = timezone.localdate().replace(year=timezone.localdate().year - 2)
    overdue.save_revision().publish()
    html = redactie.get("/beheer/").content.decode()
    panel = html[html.index("Snel naar") :]
    for text in (
        "Openingstijden aanpassen",
        "Sleutelpersonen",
        "Te controleren (1)",
        "Meldingen (1)",
    ):
        assert text in panel, text
    assert 'href="/beheer/redactie/openingstijden/"' in panel
    assert 'href="/beheer/meldingen/?status=new"' in panel
    assert redactie.get("/beheer/redactie/openingstijden/").status_code == 200


def test_menu_counts_open_reports_and_names_search_once(redactie, orgs):
    _report(orgs["own_service"])
    _report(orgs["own_service"])
    labels = _sidebar_labels(redactie.get("/beheer/").content.decode())
    assert "Meldingen (2)" in labels
    assert labels.count("Zoekwoorden") == 1
    assert "Zoeken" not in labels  # the admin's own search box is the only "Zoeken"


def test_publish_is_the_main_button_for_the_redactie(redactie, orgs):
    html = redactie.get(f"/beheer/pages/{orgs['own_service'].pk}/edit/").content.decode()
    footer = html[html.index('class="actions actions--primary') :]
    first_button = re.search(r"<button[^>]*>", footer).group(0)
    assert 'name="action-publish"' in first_button
    assert footer.index('name="action-publish"') < footer.index("Bewaar concept")


def test_aanbieder_keeps_save_as_main_button(client, make_user, orgs):
    client.force_login(make_user("aanbieder", organisation=orgs["own"]))
    html = client.get(f"/beheer/pages/{orgs['own_service'].pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html


def test_page_tree_opens_a_page_without_sub_pages(redactie, orgs):
    service = orgs["own_service"]
    response = redactie.get(f"/beheer/pages/{service.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/beheer/pages/{service.pk}/edit/"
    parent = service.get_parent()
    listing = redactie.get(f"/beheer/pages/{parent.pk}/")
    assert listing.status_code == 200 and "Eigen dienst" in listing.content.decode()


def test_page_tree_redirect_needs_admin_access(client, make_user, orgs):
    client.force_login(make_user("professional"))
    response = client.get(f"/beheer/pages/{orgs['own_service'].pk}/")
    assert response.status_code == 302 and "/edit/" not in response["Location"]
