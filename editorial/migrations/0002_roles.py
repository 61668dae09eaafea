"""Data migration: the four roles (Beheer gemeente, Redactie Uithoorn voor Elkaar, Aanbieder,
Professional) as groups with their permissions, and the workflow 'Controle door de redactie'
for the whole site (replacing Wagtail's default 'Moderators approval' on the root page).

Permissions on models or pages that do not exist yet (search.Synonym, the services index) are
granted later by the same code after every migrate (see editorial/roles.py).
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from editorial.roles import apply_roles, create_all_permissions, use_workflow_for_whole_site

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
