"""The Dutch tree gets Locale "nl" and an English Locale "en" exists (WAGTAIL_I18N_ENABLED).

The language codes are frozen here, not read from settings, so this migration means the same
on every machine whatever LANGUAGES says later.
"""

from django.db import migrations

DUTCH = "nl"
ENGLISH = "en"


def create_locales(apps, schema_editor):
    locale_model = apps.get_model("wagtailcore", "Locale")
    page_model = apps.get_model("wagtailcore", "Page")
    dutch, _ = locale_model.objects.get_or_create(language_code=DUTCH)
    locale_model.objects.get_or_create(language_code=ENGLISH)
    # Pages made before i18n was switched on all belong to the Dutch tree.
    page_model.objects.exclude(locale__language_code__in=[DUTCH, ENGLISH]).update(locale=dutch)


def remove_english_locale(apps, schema_editor):
    locale_model = apps.get_model("wagtailcore", "Locale")
    page_model = apps.get_model("wagtailcore", "Page")
    english = locale_model.objects.filter(language_code=ENGLISH).first()
    if english is not None and not page_model.objects.filter(locale=english).exists():
        english.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_merge_branding_with_parallel_work"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, remove_english_locale)]
