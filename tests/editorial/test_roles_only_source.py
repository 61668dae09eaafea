"""editorial/roles.py is the only source of rights: Wagtail's default groups are gone."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import GroupPagePermission, Workflow

from editorial.roles import ROLES

migration = importlib.import_module("editorial.migrations.0003_remove_wagtail_default_groups")


def test_only_our_roles_exist_after_migrate(db):
    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in ROLES}
    holders = set(GroupPagePermission.objects.values_list("group__name", flat=True))
    assert holders <= {role.name for role in ROLES}
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_members_of_a_default_group_move_to_the_redactie(db, django_user_model):
    editors = Group.objects.create(name="Editors")
    user = django_user_model.objects.create_user("oud-account")
    user.groups.add(editors)
    migration.remove_default_groups(apps, SimpleNamespace(connection=connection))
    assert not Group.objects.filter(name="Editors").exists()
    assert list(user.groups.values_list("name", flat=True)) == ["Redactie Uithoorn voor Elkaar"]
