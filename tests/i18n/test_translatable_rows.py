"""'Helpt bij' phrases and sleutelpersonen are translated with wagtail-localize, row by row.

They are translatable child rows (TranslatableMixin): the translator is offered their texts,
never a sleutelpersoon's phone number, and the English row stays linked to its Dutch row.
"""

import importlib
import uuid
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.models import ServicePage, ServicePhrase, Sleutelpersoon, WijkPage

keys_migration = importlib.import_module("cms.migrations.0008_translatable_rows_keys")


def _segments(page) -> dict[str, str]:
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related(
            "context", "string"
        )
    }


def _editor(client):
    user = get_user_model().objects.create_superuser("vertaler", "v@example.org", "geheim-123")
    client.force_login(user)
    return user


def test_the_translator_is_offered_each_phrase(build):
    service = build.service(
        slug="schulden", phrases=["ik heb schulden", "ik kan de huur niet betalen"]
    )
    segments = _segments(service)
    phrases = {path: text for path, text in segments.items() if path.startswith("phrases.")}
    assert sorted(phrases.values()) == ["ik heb schulden", "ik kan de huur niet betalen"]
    keys = {str(p.translation_key) for p in service.phrases.all()}
    assert {path.split(".")[1] for path in phrases} == keys  # one segment per row


def test_the_translator_is_offered_name_role_and_texts_of_a_sleutelpersoon_not_the_phone(build):
    wijk = build.wijk(slug="thamerdal", name="Thamerdal")
    person = wijk.sleutelpersonen.get()
    person.role = "wijkcoach"
    person.email = "coach@example.org"
    person.save()
    offered = {
        path.split(".")[-1]: text
        for path, text in _segments(WijkPage.objects.get(pk=wijk.pk)).items()
        if path.startswith("sleutelpersonen.")
    }
    assert offered == {
        "name": "Sleutelpersoon Thamerdal",
        "role": "wijkcoach",
        "helps_with": "Vragen over de wijk.",
        "how_to_reach": "Bel of loop binnen.",
    }  # phone and e-mail are copied, never offered


def test_a_phrase_translated_in_wagtail_localize_is_on_the_english_page(
    client, build, django_capture_on_commit_callbacks
):
    service = build.service(slug="schulden", title="Hulp bij schulden", phrases=["ik heb schulden"])
    _editor(client)
    english = Locale.objects.get(language_code="en")
    submit = reverse("wagtail_localize:submit_page_translation", args=[service.id])
    assert client.post(submit, {"locales": [english.id], "include_subtree": ""}).status_code == 302

    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=english)
    dutch_phrase = service.phrases.get()
    english_phrase = translated.phrases.get()
    assert english_phrase.locale == english
    assert english_phrase.translation_key == dutch_phrase.translation_key

    translation = Translation.objects.get(source__object_id=service.translation_key)
    segment = StringSegment.objects.get(
        source=translation.source, context__path=f"phrases.{dutch_phrase.translation_key}.text"
    )
    save = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    response = client.put(
        save, "value=I+have+debts", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 201
    edit = reverse("wagtailadmin_pages:edit", args=[translated.id])
    # wagtail-localize publishes when the request's transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, {"action": "publish"}).status_code == 302

    english_html = client.get("/en/voorzieningen/schulden/").content.decode()
    assert "<li>I have debts</li>" in english_html
    dutch_html = client.get("/voorzieningen/schulden/").content.decode()
    assert "<li>ik heb schulden</li>" in dutch_html and "I have debts" not in dutch_html


def test_a_new_phrase_takes_the_locale_of_its_page(build, translate):
    service = build.service(slug="schulden", phrases=["ik heb schulden"])
    translated = translate(service, "Help with debts")
    translated.phrases.add(ServicePhrase(text="I owe money", sort_order=5))
    translated.save_revision().publish()
    phrase = ServicePhrase.objects.get(text="I owe money")
    assert phrase.locale.language_code == "en"
    assert service.phrases.get().locale.language_code == "nl"


def test_the_data_migration_links_each_english_row_to_the_dutch_row_of_the_same_position(
    build, translate
):
    """Before the migration the rows had no locale or key: an English page's rows were plain
    copies. The migration gives each row its page's locale, and the rows at the same
    sort_order on a page and its translation one shared key."""
    service = build.service(slug="schulden", phrases=["ik heb schulden", "de huur"])
    other = build.service(slug="ander", phrases=["ik heb schulden"])  # no translation
    translated = translate(service, "Help with debts")
    wijk = build.wijk(slug="centrum", name="Centrum")
    translate(wijk, "Centre")
    dutch = Locale.objects.get(language_code="nl")
    for model in (ServicePhrase, Sleutelpersoon):  # as if made before the rows were translatable
        for row in model.objects.all():
            model.objects.filter(pk=row.pk).update(locale=dutch, translation_key=uuid.uuid4())

    keys_migration.link_rows(apps, SimpleNamespace(connection=connection))

    for order in (0, 1):
        nl_row = service.phrases.get(sort_order=order)
        en_row = translated.phrases.get(sort_order=order)
        assert (nl_row.locale.language_code, en_row.locale.language_code) == ("nl", "en")
        assert nl_row.translation_key == en_row.translation_key
    people = Sleutelpersoon.objects.order_by("locale__language_code")
    assert [p.locale.language_code for p in people] == ["en", "nl"]
    assert people[0].translation_key == people[1].translation_key
    assert other.phrases.get().translation_key != service.phrases.get(sort_order=0).translation_key
