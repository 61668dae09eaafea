"""Professional-only content: shown to professionals and editors, never leaked anywhere else."""

import json
from urllib.parse import unquote

import pytest
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

SECRETS = {
    "referral_route": "GEHEIME-VERWIJSROUTE",
    "referral_form_url": "https://aanmelden.example.org/geheim-formulier",
    "intake_criteria": "GEHEIME-INTAKE",
    "contact_person_name": "Geheime Collega",
    "contact_person_role": "GEHEIME-FUNCTIE",
    "contact_person_phone": "0297 999 111",
    "contact_person_email": "geheim@example.org",
}


@pytest.fixture
def service(build):
    return build.service(
        "schuldhulp",
        "Schuldhulp",
        themes=[build.theme()],
        legal_framework="wgs",
        phrases=["ik heb schulden"],
        **SECRETS,
    )


def assert_no_secrets(text):
    text = unquote(text)
    for value in SECRETS.values():
        assert value not in text
    assert "alleen-professionals" not in text


def test_anonymous_html_has_no_professional_section(client, service):
    response = client.get(service.url)
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


@pytest.mark.parametrize("role", [None, "aanbieder"])
def test_logged_in_without_professional_role_sees_nothing(client, make_user, service, role):
    client.force_login(make_user(role))
    assert_no_secrets(client.get(service.url).content.decode())


@pytest.mark.parametrize("role", ["professional", "redactie", "beheer"])
def test_professionals_and_editors_see_the_section(client, make_user, service, role):
    client.force_login(make_user(role))
    html = client.get(service.url).content.decode()
    assert 'class="alleen-professionals"' in html
    section = html.split('class="alleen-professionals"', 1)[1].split("</section>", 1)[0]
    for value in SECRETS.values():
        assert value in section
    assert "Wet gemeentelijke schuldhulpverlening" in section
    assert "Doorverwijzen" in section


def test_referral_mailto_is_prefilled_without_client_data(client, make_user, service):
    client.force_login(make_user("professional"))
    html = client.get(service.url).content.decode()
    start = html.index('href="mailto:geheim@example.org?')
    link = unquote(html[start + 6 : html.index('"', start + 6)].replace("&amp;", "&"))
    assert "subject=Doorverwijzing: Schuldhulp" in link
    assert "Beste Geheime Collega" in link
    assert "zet geen naam, adres, BSN" in link


def test_public_api_never_includes_professional_fields(client, make_user, service):
    client.force_login(make_user("beheer"))
    for url in ("/api/voorzieningen/", f"/api/voorzieningen/{service.slug}/"):
        body = client.get(url).content.decode()
        assert "Schuldhulp" in body
        assert_no_secrets(body)
        assert "professional" not in json.loads(body).get("results", [{}])[0]


def test_serializer_adds_them_only_when_asked(service):
    from cms.serializers import service_detail

    assert "professional" not in service_detail(service)
    assert service_detail(service, include_professional=True)["professional"]["intake_criteria"]


def test_sitemap_has_no_professional_content(client, service):
    body = client.get("/sitemap.xml").content.decode()
    assert service.url in body
    assert_no_secrets(body)
    assert "/professionals/" not in body


def test_correction_form_does_not_leak(client, make_user, service):
    assert_no_secrets(client.get(service.url + "wijziging/").content.decode())


def test_wagtail_admin_search_index_has_no_professional_content(service):
    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    rows = list(index_entry.objects.values())
    assert rows, "the service should be in Wagtail's index"
    assert_no_secrets(json.dumps(rows, cls=DjangoJSONEncoder))


def test_public_search_index_has_no_professional_content(client, service):
    try:
        entry_model = apps.get_model("search", "SearchEntry")
    except LookupError:
        pytest.skip("the search app has no index table (yet)")
    rows = [model_to_dict(entry) for entry in entry_model.objects.all()]
    assert [row["slug"] for row in rows] == ["schuldhulp"]
    assert_no_secrets(json.dumps(rows, cls=DjangoJSONEncoder))
    # And searching for a professional-only word finds nothing.
    for word in ("GEHEIME-INTAKE", "Geheime Collega"):
        response = client.get("/zoeken/", {"q": word})
        assert "Schuldhulp</a>" not in response.content.decode()


# Login for professionals -----------------------------------------------------------------


def test_professional_logs_in_on_the_public_site(client, make_user, service):
    user = make_user("professional")
    page = client.get("/inloggen/")
    assert page.status_code == 200 and "Inloggen voor professionals" in page.content.decode()
    response = client.post(
        "/inloggen/", {"username": user.username, "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 302 and response["Location"] == "/professionals/wie-doet-wat/"
    assert "alleen-professionals" in client.get(service.url).content.decode()
    assert client.get("/beheer/").status_code == 302  # still no admin access
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert_no_secrets(client.get(service.url).content.decode())


def test_footer_links_to_login_and_for_professionals_to_whos_who_and_logout(
    client, make_user, service
):
    html = client.get(service.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert 'href="/inloggen/">Inloggen voor professionals</a>' in footer
    assert "/inloggen/" not in nav and "Uitloggen" not in footer
    client.force_login(make_user("professional"))
    html = client.get(service.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/professionals/wie-doet-wat/">Wie doet wat</a>' in footer
    assert 'action="/uitloggen/"' in footer and "Uitloggen</button>" in footer
    assert "/inloggen/" not in footer


def test_wrong_password_is_explained(client, make_user):
    user = make_user("professional")
    response = client.post("/inloggen/", {"username": user.username, "password": "fout"})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_login_is_rate_limited(client, make_user):
    from editorial.ratelimit import LOGIN

    user = make_user("professional")
    for _ in range(LOGIN.max_requests):
        client.post("/inloggen/", {"username": user.username, "password": "fout"})
    response = client.post(
        "/inloggen/", {"username": user.username, "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 429
