import itertools

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from cms.access import BEHEER_GROUP, PROFESSIONAL_GROUP, PROVIDER_GROUP, REDACTIE_GROUP

ROLE_GROUPS = {
    "beheer": BEHEER_GROUP,
    "redactie": REDACTIE_GROUP,
    "aanbieder": PROVIDER_GROUP,
    "professional": PROFESSIONAL_GROUP,
}
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db, django_user_model):
    """make_user("aanbieder", organisation=org) → a user in that role's group."""

    def make(role=None, *, organisation=None, email=None, **kw):
        number = next(_numbers)
        user = django_user_model.objects.create_user(
            username=kw.pop("username", f"{role or 'gebruiker'}-{number}"),
            email=email if email is not None else f"{role or 'gebruiker'}-{number}@example.org",
            password="geheim-wachtwoord-123",
            **kw,
        )
        if role:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        if organisation is not None:
            from editorial.models import ProviderAccount

            ProviderAccount.objects.create(user=user, organisation=organisation)
        return user

    return make


@pytest.fixture
def orgs(build):
    """Two organisations, each with one published service."""
    own = build.organisation("eigen-org", "Eigen Organisatie")
    other = build.organisation("andere-org", "Andere Organisatie")
    return {
        "own": own,
        "other": other,
        "own_service": build.service(
            "eigen-dienst", "Eigen dienst", organisation=own, last_checked=timezone.localdate()
        ),
        "other_service": build.service(
            "andere-dienst", "Andere dienst", organisation=other, last_checked=timezone.localdate()
        ),
    }


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do
