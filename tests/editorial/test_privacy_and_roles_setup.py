"""Privacy guarantees, and the idempotent role setup."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import GroupPagePermission, WorkflowPage

from cms.models import ServiceIndexPage
from editorial import ratelimit
from editorial.models import CorrectionReport, PageFeedback
from editorial.roles import ensure_roles


@pytest.fixture
def service(build):
    return build.service("schuldhulp", "Schuldhulp")


def test_public_pages_set_no_cookies(client, service):
    for url in ("/", service.url, service.url + "wijziging/bedankt/", "/feedback/bedankt/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)
    response = client.post("/feedback/", {"helpful": "ja", "page": service.pk})
    assert not response.cookies


def test_correction_form_sets_only_the_csrf_cookie(client, service):
    response = client.get(service.url + "wijziging/")
    assert set(response.cookies) <= {"csrftoken"}


def test_no_model_stores_an_ip_address():
    for model in (CorrectionReport, PageFeedback):
        names = {f.name for f in model._meta.get_fields()}
        assert not {n for n in names if "ip" in n.split("_") or "address" in n}


def test_rate_limit_keeps_only_a_keyed_hash_in_the_cache():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    ratelimit.hit(request, ratelimit.FEEDBACK)
    key = ratelimit._cache_key(request, ratelimit.FEEDBACK)
    assert "203.0.113.7" not in key
    assert cache.get(key) == 1


def test_rate_limit_header_behind_a_proxy(settings):
    settings.EDITORIAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    one = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    two = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert ratelimit.client_address(one) == "198.51.100.1"
    assert ratelimit._cache_key(one, ratelimit.LOGIN) != ratelimit._cache_key(two, ratelimit.LOGIN)


def test_sleutelpersoon_photo_only_with_consent(build):
    wijk = build.wijk()
    person = wijk.sleutelpersonen.first()
    person.photo_consent_date = None
    assert person.public_photo is None


def test_ensure_roles_is_idempotent(home):
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    ensure_roles()
    ensure_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts


def test_aanbieder_permissions_are_on_the_services_index_only(home):
    index = ServiceIndexPage.objects.get()
    perms = GroupPagePermission.objects.filter(group__name="Aanbieder")
    assert {(p.page_id, p.permission.codename) for p in perms} == {
        (index.pk, "add_page"),
        (index.pk, "change_page"),
    }
    assert WorkflowPage.objects.get(page=index).workflow.name == "Controle door de redactie"


def test_a_deliberate_workflow_choice_in_the_admin_stays(home):
    from wagtail.models import Workflow

    index = ServiceIndexPage.objects.get()
    other = Workflow.objects.create(name="Eigen keuze")
    WorkflowPage.objects.filter(page=index).update(workflow=other)
    ensure_roles()
    assert WorkflowPage.objects.get(page=index).workflow == other
