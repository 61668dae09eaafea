"""'Helpt bij' phrases and sleutelpersonen become translatable (step 1 of 3).

Wagtail's BootstrapTranslatableMixin pattern: the locale and translation key arrive nullable
here, 0008 fills them, 0009 makes them required and unique per locale. Three migrations, so
PostgreSQL never alters a table with pending trigger events from the data step.
"""

import django.db.models.deletion
from django.db import migrations, models


def _locale():
    return models.ForeignKey(
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_dutch_and_english_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(model_name="servicephrase", name="locale", field=_locale()),
        migrations.AddField(
            model_name="servicephrase",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(model_name="sleutelpersoon", name="locale", field=_locale()),
        migrations.AddField(
            model_name="sleutelpersoon",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
