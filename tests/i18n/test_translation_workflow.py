"""The editors' translation workflow (wagtail-localize): "Vertalen" on a Dutch page makes the
English translation, which opens in wagtail-localize's side-by-side editor."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from cms.models import ServicePage


def test_editor_translates_a_service_page_into_english(client, build):
    service = build.service(slug="taalcafe", title="Taalcafé")
    editor = get_user_model().objects.create_superuser("vertaler", "v@example.org", "geheim-123")
    client.force_login(editor)
    english = Locale.objects.get(language_code="en")

    url = reverse("wagtail_localize:submit_page_translation", args=[service.id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.id], "include_subtree": ""})
    assert response.status_code == 302

    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=english)
    assert translated.slug == "taalcafe"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translated.id]))
    assert edit.status_code == 200
    assert "Taalcafé" in edit.content.decode()  # the Dutch source, to translate beside it


def test_phone_and_opening_hours_are_synchronised_not_translated(client, build):
    """The translator sees the texts to translate, never the phone number or the hours: those
    are copied from the Dutch page, also when the Dutch page changes later."""
    import datetime

    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    rule = {"weekday": 0, "start_time": datetime.time(9), "end_time": datetime.time(12)}
    service = build.service(
        slug="inloop", title="Inloopspreekuur", phone="0297 123 456", rules=[rule]
    )
    editor = get_user_model().objects.create_superuser("vertaler", "v@example.org", "geheim-123")
    client.force_login(editor)
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=[service.id])
    client.post(url, {"locales": [english.id], "include_subtree": ""})

    source = TranslationSource.objects.get(object_id=service.translation_key)
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert {"title", "summary"} <= paths
    assert not {p for p in paths if p.split(".")[0] in {"phone", "opening_rules"}}

    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=english)
    assert translated.phone == "0297 123 456"
    assert translated.opening_rules.count() == 1

    # The Dutch page gets a new number; updating the translation copies it.
    service.phone = "0297 654 321"
    service.save_revision().publish()
    update = reverse("wagtail_localize:update_translations", args=[source.id])
    assert client.post(update, {"publish_translations": "on"}).status_code == 302
    assert Translation.objects.filter(source=source, target_locale=english).exists()
    translated.refresh_from_db()
    assert translated.phone == "0297 654 321"
    assert translated.opening_rules.get().start_time == datetime.time(9)
