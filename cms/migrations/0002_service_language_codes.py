"""Languages of a service become ISO 639-1 codes ("Nederlands, Engels" -> ["nl", "en"]).

Frozen: the Dutch names this migration understands are listed here. A name it does not
know is printed and left out; "(met tolk)" and similar remarks are dropped.
"""

import re

from django.db import migrations, models

CODES = {
    "nederlands": "nl", "engels": "en", "arabisch": "ar", "tigrinya": "ti", "turks": "tr",
    "pools": "pl", "duits": "de", "frans": "fr", "spaans": "es", "portugees": "pt",
    "italiaans": "it", "oekraïens": "uk", "oekraiens": "uk", "russisch": "ru",
    "roemeens": "ro", "bulgaars": "bg", "somalisch": "so", "somali": "so", "perzisch": "fa",
    "farsi": "fa", "dari": "fa", "berbers": "ber", "tamazight": "ber", "koerdisch": "ku",
    "papiaments": "pap", "chinees": "zh", "mandarijn": "zh", "hindi": "hi", "urdu": "ur",
    "fries": "fy", "gebarentaal": "sgn", "nederlandse gebarentaal": "sgn", "amhaars": "am",
    "sranantongo": "srn", "indonesisch": "id", "vietnamees": "vi", "thai": "th",
    "hongaars": "hu", "tsjechisch": "cs", "slowaaks": "sk", "grieks": "el", "albanees": "sq",
    "servisch": "sr", "kroatisch": "hr", "bosnisch": "bs", "pasjtoe": "ps", "pashto": "ps",
}  # fmt: skip
KNOWN_TWO_LETTER = {code for code in CODES.values() if len(code) == 2}


def to_codes(text: str, label: str) -> list[str]:
    codes = []
    for part in re.split(r"[,;/]| en ", text or ""):
        name = re.sub(r"\(.*?\)", "", part).strip().lower()
        if not name:
            continue
        code = CODES.get(name) or (name if name in KNOWN_TWO_LETTER else None)
        if code is None or len(code) != 2:
            print(f"\n  {label}: taal '{part.strip()}' niet omgezet; vul die zelf in.")
            continue
        if code not in codes:
            codes.append(code)
    return codes


def forwards(apps, schema_editor):
    service_model = apps.get_model("cms", "ServicePage")
    for service in service_model.objects.all():
        service.language_codes = to_codes(service.languages, service.title)
        service.save(update_fields=["language_codes"])
    # Drafts and older versions in Wagtail's revisions hold the field too.
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="cms", model="servicepage")
        .first()
    )
    if content_type is None:
        return
    for revision in apps.get_model("wagtailcore", "Revision").objects.filter(
        content_type=content_type
    ):
        value = revision.content.get("languages")
        if isinstance(value, str):
            revision.content["languages"] = to_codes(value, revision.content.get("title", ""))
            revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    names = {code: name for name, code in reversed(CODES.items())}
    service_model = apps.get_model("cms", "ServicePage")
    for service in service_model.objects.all():
        service.languages = ", ".join(names.get(c, c).capitalize() for c in service.language_codes)
        service.save(update_fields=["languages"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="servicepage",
            name="language_codes",
            field=models.JSONField(default=list, blank=True),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="servicepage", name="languages"),
        migrations.RenameField("servicepage", "language_codes", "languages"),
        migrations.AlterField(
            model_name="servicepage",
            name="languages",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="In welke talen kan iemand hier terecht?",
                verbose_name="talen",
            ),
        ),
    ]
