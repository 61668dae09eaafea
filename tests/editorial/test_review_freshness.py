"""Freshness: 'Te controleren' on the dashboard, 'gecontroleerd, klopt nog', the public warning."""

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.models import ServicePage
from editorial.freshness import due_services, mark_checked


def months_ago(months):
    return timezone.localdate() - relativedelta(months=months)


@pytest.fixture
def services(build, orgs):
    return {
        "fresh": build.service("vers", "Vers", last_checked=months_ago(1)),
        "due": build.service("bijna", "Net te laat", last_checked=months_ago(7)),
        "old": build.service(
            "oud", "Heel oud", last_checked=months_ago(20), organisation=orgs["own"]
        ),
        "yearly": build.service(
            "jaarlijks", "Jaarlijks", last_checked=months_ago(8), review_interval_months=12
        ),
    }


def test_due_services_oldest_first(services):
    titles = [item.service.title for item in due_services()]
    assert titles == ["Heel oud", "Net te laat"]
    oldest = due_services()[0]
    assert oldest.due_date == months_ago(20) + relativedelta(months=6)
    assert oldest.days_overdue > 300


def test_dashboard_panel_lists_due_services_with_one_click_check(client, make_user, services):
    client.force_login(make_user("redactie"))
    html = client.get("/beheer/").content.decode()
    assert "Te controleren" in html
    assert html.index("Heel oud") < html.index("Net te laat")
    assert "Vers" not in html.split("te-controleren", 1)[1].split("</section>", 1)[0]
    assert "Gecontroleerd, klopt nog" in html


def test_aanbieder_sees_only_its_own_due_services_and_cannot_check(
    client, make_user, orgs, services
):
    user = make_user("aanbieder", organisation=orgs["own"])
    assert [item.service.title for item in due_services(user)] == ["Heel oud"]
    client.force_login(user)
    html = client.get("/beheer/").content.decode()
    assert "Heel oud" in html and "Net te laat" not in html
    assert "Controleren en aanpassen" in html
    response = client.post(f"/beheer/redactie/te-controleren/{services['old'].pk}/gecontroleerd/")
    assert response.status_code in (302, 403)
    services["old"].refresh_from_db()
    assert services["old"].last_checked == months_ago(20)


def test_one_click_check_records_who_and_when_in_a_published_revision(client, make_user, services):
    user = make_user("redactie")
    service = services["old"]
    live_revision = service.live_revision_id
    client.force_login(user)
    response = client.post(
        f"/beheer/redactie/te-controleren/{service.pk}/gecontroleerd/",
        {"next": "/beheer/redactie/te-controleren/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/beheer/redactie/te-controleren/"
    service.refresh_from_db()
    assert service.last_checked == timezone.localdate()
    assert service.last_checked_by == user
    assert service.live_revision_id != live_revision
    assert service.latest_revision_id == service.live_revision_id
    assert service.live_revision.as_object().last_checked == timezone.localdate()
    entry = PageLogEntry.objects.get(page=service, action="editorial.checked")
    assert entry.user == user
    assert service not in [item.service for item in due_services()]
    history = client.get(f"/beheer/pages/{service.pk}/history/").content.decode()
    assert "Gecontroleerd, klopt nog" in history


def test_check_keeps_a_pending_draft_unpublished_but_up_to_date(make_user, services):
    user = make_user("redactie")
    service = ServicePage.objects.get(pk=services["old"].pk)
    service.title = "Concept van de aanbieder"
    service.save_revision()
    assert not mark_checked(service, user)
    service.refresh_from_db()
    assert service.title == "Heel oud"  # the draft did not go live
    assert service.has_unpublished_changes
    assert service.last_checked == timezone.localdate()
    draft = service.latest_revision.as_object()
    assert draft.title == "Concept van de aanbieder"
    assert draft.last_checked == timezone.localdate()
    assert draft.last_checked_by_id == user.pk
    # Publishing the draft later keeps the check.
    service.latest_revision.publish()
    service.refresh_from_db()
    assert service.title == "Concept van de aanbieder"
    assert service.last_checked == timezone.localdate()


def test_check_updates_the_public_search_index(make_user, services):
    try:
        entry_model = apps.get_model("search", "SearchEntry")
    except LookupError:
        pytest.skip("the search app has no index table (yet)")
    service = ServicePage.objects.get(pk=services["old"].pk)
    today = timezone.localdate()
    assert entry_model.objects.get(page_id=service.pk).overdue_from <= today  # penalised
    service.title = "Concept"
    service.save_revision()  # a pending draft: the check takes the other path
    mark_checked(service, make_user("redactie"))
    assert entry_model.objects.get(page_id=service.pk).overdue_from > today  # not any more


def test_check_needs_post(client, make_user, services):
    client.force_login(make_user("redactie"))
    response = client.get(f"/beheer/redactie/te-controleren/{services['old'].pk}/gecontroleerd/")
    assert response.status_code == 405


def test_due_list_page(client, make_user, services):
    client.force_login(make_user("beheer"))
    html = client.get("/beheer/redactie/te-controleren/").content.decode()
    assert "Heel oud" in html and "Net te laat" in html


def test_public_page_warns_mildly_when_overdue_by_more_than_a_year(client, services):
    old = client.get(services["old"].url).content.decode()
    assert "niet-recent-gecontroleerd" in old
    assert "al lang niet gecontroleerd" in old
    for key in ("fresh", "due"):
        assert "niet-recent-gecontroleerd" not in client.get(services[key].url).content.decode()
    assert "Laatst gecontroleerd op" in old
