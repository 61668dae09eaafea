"""Locale and translation key are required and unique per locale (step 3 of 3)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def _locale():
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0008_translatable_rows_keys")]

    operations = [
        migrations.AlterField(model_name="servicephrase", name="locale", field=_locale()),
        migrations.AlterField(
            model_name="servicephrase",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(model_name="sleutelpersoon", name="locale", field=_locale()),
        migrations.AlterField(
            model_name="sleutelpersoon",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="servicephrase", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterUniqueTogether(
            name="sleutelpersoon", unique_together={("translation_key", "locale")}
        ),
    ]
