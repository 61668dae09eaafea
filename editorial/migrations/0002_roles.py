"""Data migration: the four roles (Beheer gemeente, Redactie Uithoorn voor Elkaar, Aanbieder,
Professional) as groups with their permissions, and the workflow 'Controle door de redactie'
for the whole site (replacing Wagtail's default 'Moderators approval' on the root page).

A frozen copy of editorial/roles.py as it was when this migration was written: migrations never
import live application code. Permissions on models or pages that do not exist yet
(search.Synonym, the services index) are granted later by editorial/roles.py itself, after
every migrate (post_migrate).
"""

from dataclasses import dataclass

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Controle door de redactie"
ALL_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
CRUD = ("add", "change", "delete", "view")


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename"; ALL means every permission in the database.
    model_permissions: tuple[str, ...] = ()
    # Page permission types granted on the root page (the whole tree).
    root_page_permissions: tuple[str, ...] = ()
    # Page permission types granted on the services index page only.
    service_index_permissions: tuple[str, ...] = ()
    # "app_label.codename" of image/document permissions on the root collection.
    collection_permissions: tuple[str, ...] = ()
    approves_changes: bool = False


ALL = "*"


def _crud(label: str, actions=CRUD) -> tuple[str, ...]:
    app_label, model = label.split(".")
    return tuple(f"{app_label}.{action}_{model}" for action in actions)


MEDIA_PERMISSIONS = (
    *_crud("wagtailimages.image", ("add", "change", "delete", "choose")),
    *_crud("wagtaildocs.document", ("add", "change", "delete", "choose")),
)

ROLES = (
    Role(
        name="Beheer gemeente",
        model_permissions=(ALL,),
        root_page_permissions=ALL_PAGE_PERMISSIONS,
        collection_permissions=MEDIA_PERMISSIONS,
        approves_changes=True,
    ),
    Role(
        name="Redactie Uithoorn voor Elkaar",
        model_permissions=(
            "wagtailadmin.access_admin",
            *_crud("cms.place"),
            *_crud("cms.theme"),
            *_crud("cms.targetgroup"),
            *_crud("search.synonym"),
            *_crud("search.elsewheretopic"),
            *_crud("search.unansweredquery", ("view", "delete")),
            *_crud("wegwijzer.question"),
            *_crud("wagtailredirects.redirect"),
            *_crud("editorial.correctionreport", ("change", "view")),
            *_crud("editorial.pagefeedback", ("view",)),
        ),
        root_page_permissions=("add", "change", "publish", "lock", "unlock"),
        collection_permissions=MEDIA_PERMISSIONS,
        approves_changes=True,
    ),
    Role(
        name="Aanbieder",
        model_permissions=("wagtailadmin.access_admin",),
        service_index_permissions=("add", "change"),
        collection_permissions=("wagtailimages.add_image", "wagtailimages.choose_image"),
    ),
    Role(name="Professional"),
)


def _model(apps, label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


class _Registry:
    """Name lookups against one apps registry (historical in a migration, global otherwise)."""

    def __init__(self, apps, using):
        self.apps = apps
        self.using = using
        self.Permission = apps.get_model("auth", "Permission")
        self.Group = apps.get_model("auth", "Group")

    def objects(self, label):
        model = _model(self.apps, label)
        return model.objects.using(self.using) if model else None

    def permissions(self, names):
        if ALL in names:
            return list(self.Permission.objects.using(self.using).all())
        found = []
        for name in names:
            app_label, codename = name.split(".")
            perm = (
                self.Permission.objects.using(self.using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if perm is not None:
                found.append(perm)
        return found

    def page_permission(self, action):
        return (
            self.Permission.objects.using(self.using)
            .filter(content_type__app_label="wagtailcore", codename=f"{action}_page")
            .first()
        )


def _grant_page_permissions(reg, group, page_id, actions):
    GroupPagePermission = reg.objects("wagtailcore.GroupPagePermission")
    for action in actions:
        permission = reg.page_permission(action)
        if permission is not None:
            GroupPagePermission.get_or_create(group=group, page_id=page_id, permission=permission)


def _grant_collection_permissions(reg, group, names):
    collections = reg.objects("wagtailcore.Collection")
    root = collections.filter(depth=1).first() if collections is not None else None
    if root is None:
        return
    GroupCollectionPermission = reg.objects("wagtailcore.GroupCollectionPermission")
    for permission in reg.permissions(names):
        GroupCollectionPermission.get_or_create(
            group=group, collection_id=root.pk, permission=permission
        )


def _approval_workflow(reg, groups):
    """The workflow 'Controle door de redactie': one group-approval task for the editors."""
    Task = reg.objects("wagtailcore.GroupApprovalTask")
    Workflow = reg.objects("wagtailcore.Workflow")
    WorkflowTask = reg.objects("wagtailcore.WorkflowTask")
    ContentType = reg.objects("contenttypes.ContentType")
    if Task is None or Workflow is None:
        return
    task = Task.filter(name=WORKFLOW_NAME).first()
    if task is None:
        content_type, _ = ContentType.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = Task.create(name=WORKFLOW_NAME, content_type=content_type, active=True)
    task.groups.add(*groups)
    workflow, _ = Workflow.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})


def apply_roles(apps, using) -> None:
    reg = _Registry(apps, using)
    root = reg.objects("wagtailcore.Page").filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group, _ = reg.Group.objects.using(using).get_or_create(name=role.name)
        groups[role.name] = group
        group.permissions.add(*reg.permissions(role.model_permissions))
        if root is not None:
            _grant_page_permissions(reg, group, root.pk, role.root_page_permissions)
        _grant_collection_permissions(reg, group, role.collection_permissions)
    _approval_workflow(reg, [groups[role.name] for role in ROLES if role.approves_changes])
    service_indexes = reg.objects("cms.ServiceIndexPage")
    if service_indexes is not None:
        for index in service_indexes.order_by("pk"):
            apply_service_index_roles(index.pk, apps, using)


def apply_service_index_roles(index_pk, apps, using) -> None:
    """Aanbieder permissions on the services index, and the approval workflow for it."""
    reg = _Registry(apps, using)
    for role in ROLES:
        if role.service_index_permissions:
            group, _ = reg.Group.objects.using(using).get_or_create(name=role.name)
            _grant_page_permissions(reg, group, index_pk, role.service_index_permissions)
    workflow = reg.objects("wagtailcore.Workflow").filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        # Only when the index has no workflow yet: a deliberate choice in the admin stays.
        reg.objects("wagtailcore.WorkflowPage").get_or_create(
            page_id=index_pk, defaults={"workflow": workflow}
        )


def use_workflow_for_whole_site(apps, using) -> None:
    """Replace Wagtail's default 'Moderators approval' on the root page by ours (migration)."""
    reg = _Registry(apps, using)
    root = reg.objects("wagtailcore.Page").filter(depth=1).first()
    workflow = reg.objects("wagtailcore.Workflow").filter(name=WORKFLOW_NAME).first()
    if root is None or workflow is None:
        return
    WorkflowPage = reg.objects("wagtailcore.WorkflowPage")
    link = WorkflowPage.filter(page_id=root.pk).first()
    if link is None:
        WorkflowPage.create(page_id=root.pk, workflow=workflow)
    elif link.workflow.name == "Moderators approval":
        link.workflow = workflow
        link.save()


def create_all_permissions(apps, using) -> None:
    """Django creates permissions only after all migrations; roles need them earlier."""
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    create_all_permissions(apps, using)
    apply_roles(apps, using)
    use_workflow_for_whole_site(apps, using)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("cms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
