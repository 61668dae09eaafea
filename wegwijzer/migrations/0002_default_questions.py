"""Data migration: the default wegwijzer questions ('Voor wie?' and 'Hoe snel?').

Themes and target groups are referred to by slug, so this works on an empty database too.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from wegwijzer.defaults import ensure_default_questions

    ensure_default_questions(apps.get_model("wegwijzer", "Question"))


class Migration(migrations.Migration):
    dependencies = [("wegwijzer", "0001_questions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
