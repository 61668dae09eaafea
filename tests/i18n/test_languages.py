"""English beside Dutch: /en/ pages in English, hreflang alternates, the switcher keeps the
page, an untranslated page falls back to Dutch with a note, and Dutch stays as it was."""

import re

import pytest
from wagtail.models import Locale, Page

NOTE = "This page is not yet available in English; shown in Dutch."


def html_lang(html: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', html)
    assert match, html[:300]
    return match.group(1), match.group(2)


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switch_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)
    assert nav, "no language switch in the header"
    return dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0)))


def test_locales_exist_and_the_dutch_tree_is_dutch(home):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"nl", "en"}
    assert home.locale.language_code == "nl"
    assert not Page.objects.filter(depth__gt=1).exclude(locale__language_code="nl").exists()


def test_dutch_home_is_unchanged_and_offers_english(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == ("nl", "ltr")
    assert "Hulp zoeken" in html and NOTE not in html
    assert alternates(html) == {
        "nl": "http://testserver/",
        "x-default": "http://testserver/",
        "en": "http://testserver/en/",
    }
    assert switch_links(html) == {"/en/": "en"}
    assert 'href="/zoeken/"' in html


def test_english_home_without_translation_shows_dutch_content_with_a_note(client, home):
    html = client.get("/en/").content.decode()
    assert html_lang(html) == ("en", "ltr")
    assert "Find help" in html and 'href="/en/zoeken/"' in html
    assert NOTE in html
    assert '<main id="inhoud" class="wrap" tabindex="-1" lang="nl">' in html
    assert switch_links(html) == {"/": "nl"}


def test_english_service_page_and_switcher_both_ways(client, build, translate):
    service = build.service(slug="schuldhulp", title="Hulp bij schulden")
    translate(home_of(service), "Home")
    translate(service, "Help with debts")

    dutch = client.get("/voorzieningen/schuldhulp/").content.decode()
    assert "Hulp bij schulden" in dutch and html_lang(dutch)[0] == "nl"
    assert switch_links(dutch) == {"/en/voorzieningen/schuldhulp/": "en"}

    response = client.get("/en/voorzieningen/schuldhulp/")
    english = response.content.decode()
    assert response.status_code == 200
    assert html_lang(english) == ("en", "ltr")
    assert "<h1>Help with debts</h1>" in english or "Help with debts</h1>" in english
    assert NOTE not in english and 'lang="nl"' not in english.split("<main", 1)[1][:80]
    assert switch_links(english) == {"/voorzieningen/schuldhulp/": "nl"}
    assert alternates(english) == {
        "nl": "http://testserver/voorzieningen/schuldhulp/",
        "x-default": "http://testserver/voorzieningen/schuldhulp/",
        "en": "http://testserver/en/voorzieningen/schuldhulp/",
    }


def test_untranslated_service_under_en_falls_back_to_dutch(client, build, translate):
    translated = build.service(slug="vertaald", title="Vertaald")
    build.service(slug="alleen-nl", title="Alleen in het Nederlands")
    translate(home_of(translated), "Home")
    translate(translated, "Translated")

    response = client.get("/en/voorzieningen/alleen-nl/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alleen in het Nederlands" in html and NOTE in html
    assert html_lang(html)[0] == "en"
    assert 'tabindex="-1" lang="nl">' in html
    assert switch_links(html) == {"/voorzieningen/alleen-nl/": "nl"}
    assert client.get("/en/voorzieningen/bestaat-niet/").status_code == 404


def test_search_keeps_the_question_when_switching(client, home):
    dutch = client.get("/zoeken/", {"q": "schulden"}).content.decode()
    assert switch_links(dutch) == {"/en/zoeken/?q=schulden": "en"}
    english = client.get("/en/zoeken/", {"q": "debt help"}).content.decode()
    assert html_lang(english)[0] == "en"
    assert switch_links(english) == {"/zoeken/?q=debt+help": "nl"}
    assert "What do you need help with?" in english
    assert alternates(english)["en"] == "http://testserver/en/zoeken/?q=debt+help"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/kaart/", "Search on the map"),
        ("/en/wegwijzer/", "What is your question about?"),
        ("/en/inloggen/", "Log in for professionals"),
    ],
)
def test_public_apps_speak_english_under_en(client, home, path, text):
    html = client.get(path).content.decode()
    assert html_lang(html)[0] == "en"
    assert text in html


def test_wegwijzer_questions_in_english(client, home):
    from wegwijzer.defaults import ensure_default_questions

    ensure_default_questions()
    build_theme = __import__("tests.builders", fromlist=["Builder"]).Builder(home)
    build_theme.theme()
    html = client.get("/en/wegwijzer/vragen/", {"thema": "geld"}).content.decode()
    assert "Who are you looking for help for?" in html and "For my child" in html
    dutch = client.get("/wegwijzer/vragen/", {"thema": "geld"}).content.decode()
    assert "Voor wie zoekt u hulp?" in dutch and "Voor mijn kind" in dutch


@pytest.mark.parametrize(
    "path", ["/en/beheer/", "/en/api/zoeken/?q=x", "/en/health/", "/en/robots.txt"]
)
def test_admin_api_health_and_robots_have_no_language_prefix(client, home, path):
    assert client.get(path).status_code == 404


def test_unprefixed_addresses_still_work(client, home):
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/health/").status_code in (200, 503)
    assert client.get("/sitemap.xml").status_code == 200


def test_dutch_is_served_without_prefix_whatever_the_browser_asks(client, home):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html_lang(html)[0] == "nl"
    assert "language" not in "".join(client.cookies.keys()).lower()


def home_of(page):
    return page.get_ancestors().filter(depth=2).first()


def test_api_answers_in_dutch_unless_asked(client, home):
    """Accept-Language does not switch the API; ?lang=en does (the address is the memory)."""
    dutch = client.get("/api/zoeken/", {"q": "x" * 2000}, HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/api/zoeken/", {"q": "x" * 2000, "lang": "en"})
    assert dutch.status_code == english.status_code == 400
    assert "zoekvraag" in dutch.content.decode()
    assert "search question" in english.content.decode()


def test_main_menu_stays_in_english(client, home):
    html = client.get("/en/wegwijzer/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"', nav)
    assert links and all(link.startswith("/en/") for link in links), links
    dutch = client.get("/wegwijzer/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', dutch, re.S).group(0)
    assert not [link for link in re.findall(r'<a href="([^"]+)"', nav) if "/en/" in link]


def test_a_translated_service_is_still_one_search_result(client, build, translate):
    service = build.service(slug="schuldhulp", title="Hulp bij schulden")
    translate(home_of(service), "Home")
    translate(service, "Help with debts")  # published: the signals index it at once
    found = client.get("/api/zoeken/", {"q": "schulden"}).json()["results"]
    assert [item["slug"] for item in found] == ["schuldhulp"]
