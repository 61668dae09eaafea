"""Existing phrases and sleutelpersonen get a locale and a translation key (step 2 of 3).

Each row takes the locale of its page. Pages that are translations of each other share a
``translation_key``; on such pages the rows at the same place in the order (``sort_order``
with NULL first on every database, then id: the n-th phrase on the Dutch page and the n-th on
the English one) are one phrase (or person) in two languages and get the same key, so
wagtail-localize links the English row to the Dutch one. Every other row gets a key of its
own. Frozen: only the historical models.
"""

import uuid

from django.db import migrations
from django.db.models import F

# (model, name of its ParentalKey to the page)
ROWS = (("servicephrase", "page"), ("sleutelpersoon", "wijk"))


def assign_keys(model, parent: str) -> int:
    # SQLite and PostgreSQL put NULL at opposite ends by default; rows without a
    # sort_order (made outside the admin) come first on both.
    order = F("sort_order").asc(nulls_first=True)
    rows = model.objects.order_by(f"{parent}_id", order, "pk").values_list(
        "pk", "sort_order", f"{parent}__locale", f"{parent}__translation_key", f"{parent}_id"
    )
    shared = {}  # (page translation key, position) -> row translation key
    used = set()  # (row translation key, locale): unique together
    updated = []
    page, position = None, 0
    for pk, _sort_order, locale_id, page_key, page_id in rows.iterator():
        position = position + 1 if page_id == page else 0
        page = page_id
        key = shared.setdefault((page_key, position), uuid.uuid4())
        if (key, locale_id) in used:  # a page key shared within one locale: never linked
            key = uuid.uuid4()
        used.add((key, locale_id))
        updated.append(model(pk=pk, locale_id=locale_id, translation_key=key))
    model.objects.bulk_update(updated, ["locale", "translation_key"], batch_size=500)
    return len(updated)


def link_rows(apps, schema_editor):
    for model_name, parent in ROWS:
        assign_keys(apps.get_model("cms", model_name), parent)


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_translatable_rows_fields")]

    operations = [migrations.RunPython(link_rows, migrations.RunPython.noop)]
