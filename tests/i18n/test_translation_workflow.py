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
