"""'Wie doet wat' for professionals: grouped by organisation, filters without JavaScript, CSV."""

import csv
import io
from html.parser import HTMLParser

import pytest

URL = "/professionals/wie-doet-wat/"


class _Visible(HTMLParser):
    """The text a reader sees: everything outside elements with the `hidden` attribute."""

    VOID = {"br", "wbr", "input", "img", "meta", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []
        self.services: list[str] = []
        self._in_service_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        names = dict(attrs)
        hidden = "hidden" in names or (bool(self.stack) and self.stack[-1])
        self.stack.append(hidden)
        if tag == "h3" and not hidden:
            self._in_service_title = True

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if tag == "h3":
            self._in_service_title = False
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1]:
            return
        self.parts.append(data)
        if self._in_service_title and data.strip():
            self.services.append(data.strip())


def visible(html: str) -> _Visible:
    """Parse only the overview itself (not the footer)."""
    start = html.index('<article class="alleen-professionals wie-doet-wat">')
    parser = _Visible()
    parser.feed(html[start : html.index("</article>", start)])
    return parser


@pytest.fixture
def catalogue(build):
    geld = build.theme("geld", "Geld en schulden")
    wonen = build.theme("wonen", "Wonen")
    ouderen = build.target_group("ouderen", "Ouderen")
    schuldhulp = build.service(
        "schuldhulp",
        "Schuldhulp",
        themes=[geld],
        legal_framework="wgs",
        contact_person_name="Saskia Schuld",
        contact_person_role="schuldhulpverlener",
        contact_person_phone="0297 513 111",
        contact_person_email="schuldhulpverlening.uithoorn@gemeente-uithoorn.nl",
        referral_route="Bel eerst, dan stuurt u het formulier.",
        referral_form_url="https://formulier.example.org/aanmelden-schuldhulp",
    )
    woonorg = build.organisation("woonorg", "Woonorganisatie")
    woonhulp = build.service(
        "woonhulp",
        "Woonhulp",
        themes=[wonen],
        legal_framework="wmo2015",
        contact_person_name="Wim Wonen",
        contact_person_email="wim@example.org",
        organisation=woonorg,
    )
    woonhulp.target_groups.add(ouderen)
    woonhulp.save_revision().publish()
    build.service("klusjes", "Klusjesdienst", themes=[wonen], organisation=woonorg)
    return schuldhulp


def test_whos_who_needs_a_professional(client, make_user, catalogue):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    client.force_login(make_user())
    assert client.get(URL).status_code == 403


def test_grouped_by_organisation_with_everything_needed_to_refer(client, make_user, catalogue):
    client.force_login(make_user("professional"))
    html = client.get(URL).content.decode()
    page = visible(html)
    text = " ".join(" ".join(page.parts).split())
    assert page.services == ["Schuldhulp", "Klusjesdienst", "Woonhulp"]
    headings = [h.split(">")[-1] for h in html.split("</a></h2>")[:-1]]
    assert headings == ["Gemeente Uithoorn", "Woonorganisatie"]
    for shown in (
        "Saskia Schuld, schuldhulpverlener",
        "Geld en schulden",
        "Wet gemeentelijke schuldhulpverlening",
        "Bel eerst, dan stuurt u het formulier.",
        "Ouderen",
        "3 voorzieningen bij 2 organisaties",
    ):
        assert shown in text
    assert '<a href="https://formulier.example.org/aanmelden-schuldhulp">' in html
    assert 'href="tel:0297513111"' in html
    # The e-mail address may wrap after the @ and before dots, not in the middle of a word.
    assert ">schuldhulpverlening<wbr>.uithoorn@<wbr>gemeente-uithoorn<wbr>.nl</a>" in html, (
        "breakable e-mail"
    )
    assert "<table" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kader": "wmo2015"}, ["Woonhulp"]),
        ({"doelgroep": "ouderen"}, ["Woonhulp"]),
        ({"thema": "wonen"}, ["Klusjesdienst", "Woonhulp"]),
        ({"q": "saskia"}, ["Schuldhulp"]),
        ({"q": "woon klus"}, ["Klusjesdienst"]),  # every word must match
        ({"q": "SCHULDEN"}, ["Schuldhulp"]),  # the theme's name, any case
        ({"thema": "wonen", "q": "wim"}, ["Woonhulp"]),
        ({"q": "bestaat-niet"}, []),
        ({"thema": "onbekend"}, []),
    ],
)
def test_filters_work_without_javascript(client, make_user, catalogue, query, expected):
    client.force_login(make_user("professional"))
    html = client.get(URL, query).content.decode()
    page = visible(html)
    assert page.services == expected
    text = " ".join(page.parts)
    if expected:
        assert "geen voorzieningen die hierbij passen" not in text
    else:
        assert "Er zijn geen voorzieningen die hierbij passen" in text
    # The filter form keeps what was chosen.
    for name, value in query.items():
        if name == "q":
            assert f'name="q" value="{value}"' in html
        elif value != "onbekend":
            assert f'value="{value}" selected' in html


def test_an_organisation_without_matching_services_is_hidden(client, make_user, catalogue):
    client.force_login(make_user("professional"))
    page = visible(client.get(URL, {"kader": "wgs"}).content.decode())
    text = " ".join(page.parts)
    assert "Gemeente Uithoorn" in text and "Woonorganisatie" not in text
    assert "1 voorziening bij 1 organisatie" in " ".join(text.split())


def test_csv_follows_the_filters_and_has_the_referral_form(client, make_user, catalogue):
    client.force_login(make_user("redactie"))
    response = client.get(URL, {"formaat": "csv", "kader": "wgs"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0][0] == "organisatie" and rows[0][-1] == "aanmeldformulier"
    assert rows[1][:3] == ["Gemeente Uithoorn", "Geld en schulden", "Schuldhulp"]
    assert "Saskia Schuld" in rows[1] and len(rows) == 2
    assert rows[1][-1] == "https://formulier.example.org/aanmelden-schuldhulp"
    searched = client.get(URL, {"formaat": "csv", "q": "klusjes"}).content.decode()
    assert [row[2] for row in csv.reader(io.StringIO(searched), delimiter=";")][1:] == [
        "Klusjesdienst"
    ]


def test_the_csv_link_keeps_the_filters(client, make_user, catalogue):
    client.force_login(make_user("professional"))
    html = client.get(URL, {"thema": "wonen", "q": "wim"}).content.decode()
    assert 'href="?q=wim&amp;thema=wonen&amp;formaat=csv"' in html


def test_referral_form_link_on_the_service_page_only_for_professionals(
    client, make_user, catalogue
):
    link = 'href="https://formulier.example.org/aanmelden-schuldhulp"'
    assert link not in client.get(catalogue.url).content.decode()
    client.force_login(make_user("professional"))
    html = client.get(catalogue.url).content.decode()
    section = html.split('class="alleen-professionals"', 1)[1].split("</section>", 1)[0]
    assert link in section and "Aanmeldformulier voor professionals" in section
