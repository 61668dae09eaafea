"""Keep the roles complete: after every migrate, and once the services index page exists."""

from .roles import apply_service_index_roles, ensure_roles


def roles_after_migrate(sender, using="default", **kwargs):
    ensure_roles(using=using)


def roles_for_new_service_index(sender, instance, **kwargs):
    # Aanbieder permissions and the approval workflow are set on this page.
    apply_service_index_roles(instance.pk)
