"""Data migration: Wagtail's default groups 'Moderators' and 'Editors' go away.

Wagtail creates them with add/change/publish rights on the whole tree and on images and
documents. Rights here come only from editorial/roles.py, so members of those groups are
moved into the Redactie group (nobody loses access to the admin) and the groups are deleted,
with their page and collection permissions. Wagtail's default workflow 'Moderators approval'
is switched off when no page uses it any more.
"""

from django.db import migrations

DEFAULT_GROUPS = ("Moderators", "Editors")
REDACTIE_GROUP = "Redactie Uithoorn voor Elkaar"  # frozen copy of cms.access.REDACTIE_GROUP
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    redactie, _ = Group.objects.using(db).get_or_create(name=REDACTIE_GROUP)
    for group in Group.objects.using(db).filter(name__in=DEFAULT_GROUPS):
        for user in User.objects.using(db).filter(groups=group):
            user.groups.add(redactie)
        group.delete()

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    workflow = Workflow.objects.using(db).filter(name=DEFAULT_WORKFLOW).first()
    if workflow is not None and not WorkflowPage.objects.using(db).filter(workflow=workflow):
        workflow.active = False
        workflow.save(update_fields=["active"])
        Task.objects.using(db).filter(name=DEFAULT_WORKFLOW).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
