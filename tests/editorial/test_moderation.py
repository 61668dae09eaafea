"""Aanbieder edits go through 'Controle door de redactie'; the Redactie approves or sends back."""

import datetime

import pytest
from wagtail.models import Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import ServiceIndexPage, ServicePage


def service_form(service, **changes):
    """The edit form of a service, as the admin posts it."""
    data = {
        "title": service.title,
        "slug": service.slug,
        "organisation": service.organisation_id,
        "summary": service.summary,
        "phrases": inline_formset([]),
        "body": streamfield([]),
        "cost": service.cost,
        "access": service.access,
        "languages": service.languages,
        "whole_municipality": "on",
        "opening_rules": inline_formset([]),
        "schedule_exceptions": inline_formset([]),
        "last_checked": service.last_checked.isoformat(),
        "review_interval_months": service.review_interval_months,
        "comments": inline_formset([]),
        "wheelchair_accessible": "",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def aanbieder(make_user, orgs):
    return make_user("aanbieder", organisation=orgs["own"])


def test_services_use_the_redactie_workflow(orgs):
    workflow = orgs["own_service"].get_workflow()
    assert workflow.name == "Controle door de redactie"
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {
        "Redactie Uithoorn voor Elkaar",
        "Beheer gemeente",
    }


def test_aanbieder_change_waits_for_the_redactie(client, make_user, orgs, aanbieder):
    service = orgs["own_service"]
    client.force_login(aanbieder)
    response = client.post(
        f"/beheer/pages/{service.pk}/edit/",
        {**service_form(service, title="Eigen dienst, nieuwe naam"), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content[:2000]
    service.refresh_from_db()
    assert service.title == "Eigen dienst"  # the live page is unchanged
    state = WorkflowState.objects.get(object_id=str(service.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    redacteur = make_user("redactie")
    client.force_login(redacteur)
    task_state = state.current_task_state
    response = client.post(
        f"/beheer/pages/workflow/action/{service.pk}/approve/{task_state.pk}/",
        {"comment": "Prima"},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.title == "Eigen dienst, nieuwe naam"


def test_redactie_can_send_back_with_a_comment(client, make_user, orgs, aanbieder):
    service = orgs["own_service"]
    client.force_login(aanbieder)
    client.post(
        f"/beheer/pages/{service.pk}/edit/",
        {**service_form(service, summary="Te vaag."), "action-submit": "1"},
    )
    state = WorkflowState.objects.get(object_id=str(service.pk))
    client.force_login(make_user("redactie"))
    client.post(
        f"/beheer/pages/workflow/action/{service.pk}/reject/{state.current_task_state.pk}/",
        {"comment": "Schrijf wat iemand krijgt."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Schrijf wat iemand krijgt."
    service.refresh_from_db()
    assert service.summary != "Te vaag."


def test_aanbieder_cannot_publish_directly(client, orgs, aanbieder):
    service = orgs["own_service"]
    client.force_login(aanbieder)
    client.post(
        f"/beheer/pages/{service.pk}/edit/",
        {**service_form(service, title="Zelf gepubliceerd?"), "action-publish": "1"},
    )
    service.refresh_from_db()
    assert service.title == "Eigen dienst"
    assert service.has_unpublished_changes  # kept as a draft


def test_aanbieder_cannot_touch_another_organisations_service(client, orgs, aanbieder):
    service = orgs["other_service"]
    revisions = Revision.objects.filter(object_id=str(service.pk)).count()
    client.force_login(aanbieder)
    response = client.post(
        f"/beheer/pages/{service.pk}/edit/",
        {**service_form(service, title="Overgenomen"), "action-submit": "1"},
    )
    assert response.status_code == 302
    assert Revision.objects.filter(object_id=str(service.pk)).count() == revisions
    service.refresh_from_db()
    assert service.title == "Andere dienst"


def _create(client, organisation, slug):
    index = ServiceIndexPage.objects.get()
    new = ServicePage(
        title="Nieuw aanbod",
        slug=slug,
        summary="Iets nieuws.",
        organisation=organisation,
        last_checked=datetime.date(2026, 11, 1),
    )
    return client.post(
        f"/beheer/pages/add/cms/servicepage/{index.pk}/",
        {**service_form(new), "action-submit": "1"},
    )


def test_aanbieder_creates_a_service_only_for_its_own_organisation(client, orgs, aanbieder):
    client.force_login(aanbieder)
    response = _create(client, orgs["other"], "voor-een-ander")
    assert response.status_code == 200  # the form again, with an error
    assert not ServicePage.objects.filter(slug="voor-een-ander").exists()

    response = _create(client, orgs["own"], "eigen-nieuw")
    assert response.status_code == 302
    created = ServicePage.objects.get(slug="eigen-nieuw")
    assert not created.live
    assert created.workflow_in_progress
