"""Who may see and do what.

The one decision point for professional-only content (`can_see_professional_fields`) and for
what an Aanbieder account may do with a service page (`service_permissions_for_user`). The
groups themselves, with their permissions, are created by the editorial app (editorial/roles.py).
"""

from django.apps import apps
from wagtail.models import PagePermissionTester

BEHEER_GROUP = "Beheer gemeente"
REDACTIE_GROUP = "Redactie Uithoorn voor Elkaar"
PROVIDER_GROUP = "Aanbieder"
PROFESSIONAL_GROUP = "Professional"

EDITOR_GROUPS = (REDACTIE_GROUP, BEHEER_GROUP)
PROFESSIONAL_GROUPS = (PROFESSIONAL_GROUP, REDACTIE_GROUP, BEHEER_GROUP)


def group_names(user) -> frozenset[str]:
    """The user's group names, cached on the user object for the rest of the request."""
    if not user or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_sociale_kaart_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._sociale_kaart_groups = cached
    return cached


def can_see_professional_fields(user) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(group_names(user) & set(PROFESSIONAL_GROUPS))


def is_editor(user) -> bool:
    """Beheer gemeente, Redactie or a superuser."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(group_names(user) & set(EDITOR_GROUPS))


def is_restricted_provider(user) -> bool:
    """An Aanbieder account that is not also an editor: limited to its own organisation."""
    return (
        bool(user and user.is_authenticated)
        and PROVIDER_GROUP in group_names(user)
        and not is_editor(user)
    )


def provider_organisation_id(user) -> int | None:
    """The organisation an Aanbieder account belongs to (None when not linked).

    Cached on the user object for the rest of the request, like `group_names`."""
    if not user or not user.is_authenticated:
        return None
    if not hasattr(user, "_sociale_kaart_organisation"):
        try:
            account_model = apps.get_model("editorial", "ProviderAccount")
        except LookupError:
            organisation_id = None
        else:
            organisation_id = (
                account_model.objects.filter(user=user)
                .values_list("organisation_id", flat=True)
                .first()
            )
        user._sociale_kaart_organisation = organisation_id
    return user._sociale_kaart_organisation


class ProviderPagePermissionTester(PagePermissionTester):
    """Page permissions of an Aanbieder: the group's permissions, but only on the services of
    the account's own organisation. On any other service the account may do nothing."""

    def __init__(self, user, page):
        super().__init__(user, page)
        organisation_id = provider_organisation_id(user)
        if organisation_id is None or page.organisation_id != organisation_id:
            self.permissions = set()


def service_permissions_for_user(page, user) -> PagePermissionTester:
    if is_restricted_provider(user):
        return ProviderPagePermissionTester(user, page)
    return PagePermissionTester(user, page)
