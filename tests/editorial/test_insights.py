"""Inzicht for the gemeente and the Redactie: the right counts, and never a count under 5."""

import csv
import datetime
import io
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from editorial.insights.period import MONTHS
from editorial.models import CorrectionReport, PageFeedback, ReportStatus
from search.models import SearchDemand, UnansweredQuery
from wegwijzer.models import ChoiceCount

URL = "/beheer/inzicht/"
TODAY = timezone.localdate()
DAY = TODAY - datetime.timedelta(days=3)
SIX_DAYS = datetime.timedelta(days=6)
SMALL_NUMBER = re.compile(r"^[1-4]$")


class _Tables(HTMLParser):
    """Every <table> by caption → list of rows (cell texts), and every text inside an <svg>."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.svg_texts: list[str] = []
        self.svg_titles: list[str] = []
        self._caption = self._cell = None
        self._table: list[list[str]] | None = None
        self._in_svg_text = self._in_svg_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = ""
        elif tag == "text":
            self._in_svg_text = True
            self.svg_texts.append("")
        elif tag == "title" and self._table is None:
            self._in_svg_title = True

    def handle_endtag(self, tag):
        if tag == "caption":
            self._caption_text = " ".join(self._caption.split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._table[-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table" and self._table is not None:
            self.tables[self._caption_text] = self._table
            self._table = None
        elif tag == "text":
            self._in_svg_text = False
        elif tag == "title":
            self._in_svg_title = False

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        elif self._cell is not None:
            self._cell += data
        if self._in_svg_text:
            self.svg_texts[-1] += data
        if self._in_svg_title:
            self.svg_titles.append(data)


def parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def rows_by_label(table: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in table[1:]}


@pytest.fixture
def logged(build):
    """A known set of logged questions, wegwijzer choices, feedback and reports."""
    build.theme("geld", "Geld en schulden")
    build.theme("wonen", "Wonen")
    build.wijk("centrum", "Centrum")
    schuldhulp = build.service("schuldhulp", "Schuldhulp")
    klusjes = build.service("klusjes", "Klusjesdienst")
    SearchDemand.objects.create(day=DAY, theme="geld", wijk="centrum", searches=4)
    SearchDemand.objects.create(day=DAY, theme="geld", wijk="", searches=3, without_results=0)
    SearchDemand.objects.create(day=DAY, theme="wonen", wijk="centrum", searches=2)
    SearchDemand.objects.create(day=DAY, theme="", wijk="", searches=6, without_results=6)
    SearchDemand.objects.create(  # outside the period asked for below
        day=TODAY - datetime.timedelta(days=200), theme="wonen", wijk="", searches=50
    )
    ChoiceCount.objects.create(day=DAY, theme="geld", wijk="centrum", count=5)
    ChoiceCount.objects.create(day=DAY, theme="wonen", wijk="", count=1)
    now = timezone.now()
    UnansweredQuery.objects.create(text="fiets repareren", times=9, last_asked=now)
    UnansweredQuery.objects.create(text="zwemles baby", times=2, last_asked=now)
    for helpful in [True] * 6 + [False] * 5:
        PageFeedback.objects.create(page=schuldhulp, helpful=helpful, created_on=DAY)
    first_no = PageFeedback.objects.filter(helpful=False).first()
    first_no.missing = "Hoe lang het duurt."
    first_no.save()
    PageFeedback.objects.create(page=klusjes, helpful=False, created_on=DAY)
    received = timezone.make_aware(datetime.datetime.combine(TODAY - SIX_DAYS, datetime.time(9)))
    for hours in (24, 36, 48, 60, 72):  # median: 48 hours = 2 days
        report = CorrectionReport.objects.create(
            service=schuldhulp, service_title="Schuldhulp", kind="other"
        )
        CorrectionReport.objects.filter(pk=report.pk).update(
            created_at=received,
            handled_at=received + datetime.timedelta(hours=hours),
            status=ReportStatus.RESOLVED,
        )
    CorrectionReport.objects.create(service=klusjes, service_title="Klusjesdienst", kind="gone")
    return {"schuldhulp": schuldhulp, "klusjes": klusjes}


def label(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def period_query(**extra):
    return {"van": f"{TODAY - datetime.timedelta(days=27):%d-%m-%Y}", "tot": "", **extra}


def test_only_beheer_and_redactie_see_inzicht(client, make_user):
    for role in ("redactie", "beheer"):
        client.force_login(make_user(role))
        response = client.get(URL)
        assert response.status_code == 200, role
        assert "Waar zoeken inwoners naar, per thema" in response.content.decode()
        menu = client.get("/beheer/").content.decode()
        assert (
            '"label": "Inzicht", "icon_name": "view", "classname": "", "attrs": {}, '
            f'"url": "{URL}"' in menu
        )
    for role in ("aanbieder", "professional"):
        client.force_login(make_user(role))
        response = client.get(URL)
        assert response.status_code == 302 and response["Location"] != URL, role
        if role == "aanbieder":
            assert '"label": "Inzicht"' not in client.get("/beheer/").content.decode()


def test_inzicht_shows_the_right_counts_and_hides_small_ones(client, make_user, logged):
    client.force_login(make_user("redactie"))
    html = client.get(URL, period_query()).content.decode()
    page = parse(html)

    themes = rows_by_label(page.tables["Waar zoeken inwoners naar, per thema"])
    assert themes["Geld en schulden"] == ["7", "5"]  # 4 + 3 searches, 5 wegwijzer
    assert themes["Wonen"] == ["< 5", "< 5"]  # 2 and 1; the 50 of months ago are outside
    assert themes["Geen thema (niets gevonden)"] == ["6", "0"]
    wijken = rows_by_label(page.tables["Waar zoeken inwoners naar, per wijk"])
    assert wijken["Centrum"] == ["6", "5"]
    assert wijken["Wijk niet bekend"] == ["9", "< 5"]

    per_day = page.tables["Zoekopdrachten zonder resultaat per dag"]
    day_row = next(row for row in per_day[1:] if row[1] != "0")
    assert day_row[1:] == ["6", "15", "40%"]

    questions = rows_by_label(page.tables["Vragen met geen of weinig resultaat"])
    assert questions["fiets repareren"][0] == "9"
    assert questions["zwemles baby"][0] == "< 5"

    feedback = rows_by_label(page.tables["Heeft deze informatie geholpen? Per voorziening"])
    assert feedback["Schuldhulp"][:3] == ["6", "5", "55%"]
    assert "Hoe lang het duurt." in feedback["Schuldhulp"][3]
    assert feedback["Klusjesdienst"][:3] == ["0", "< 5", "–"]  # no percentage to give it away

    reports = rows_by_label(page.tables["Meldingen ontvangen en beantwoord per dag"])
    assert reports[label(TODAY - SIX_DAYS)] == ["5", "0"]
    assert reports[label(TODAY - datetime.timedelta(days=5))] == ["0", "< 5"]  # 2 answered
    assert reports[label(TODAY)] == ["< 5", "0"]  # the open one
    facts = {k: unescape(v) for k, v in re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html)}
    assert facts["Ontvangen"] == "6" and facts["Beantwoord"] == "5"
    assert facts["Van de ontvangen meldingen nog open"] == "< 5"
    assert facts["Mediane tijd tot antwoord"] == "2 dagen"

    # Nowhere on the page, in no table and no chart, is a count under 5.
    for caption, table in page.tables.items():
        for row in table[1:]:
            for cell in row[1:]:
                assert not SMALL_NUMBER.match(cell), (caption, row)
    assert page.svg_texts, "the charts are drawn"
    for text in page.svg_texts:
        assert not SMALL_NUMBER.match(text.strip()), text
    assert "< 5" in page.svg_texts


def test_charts_are_accessible_svg_without_scripts(client, make_user, logged):
    client.force_login(make_user("beheer"))
    html = client.get(URL, period_query()).content.decode()
    content = html[html.index('<nav aria-label="Onderdelen van Inzicht">') :]
    assert "<script" not in content.split("</main>")[0]  # the charts need no JavaScript
    sources = re.findall(r'<script[^>]* src="([^"]+)"', html)
    assert sources and all(src.startswith(("/static/", "/beheer/")) for src in sources)  # own
    svgs = re.findall(r"<svg [^>]*>", content)
    assert len(svgs) >= 6
    for tag in svgs:
        assert 'role="img"' in tag and "aria-labelledby=" in tag
    assert content.count("<title id=") == len(svgs) and content.count("<desc id=") == len(svgs)


@pytest.mark.parametrize(
    ("key", "label", "expected"),
    [
        ("thema", "Wonen", ["< 5", "< 5"]),
        ("thema", "Geld en schulden", ["7", "5"]),
        ("zoekvragen-zonder-resultaat", "zwemles baby", ["< 5"]),
        ("feedback", "Klusjesdienst", ["0", "< 5", ""]),
    ],
)
def test_csv_of_each_table_keeps_small_counts_hidden(
    client, make_user, logged, key, label, expected
):
    client.force_login(make_user("redactie"))
    response = client.get(URL, period_query(formaat="csv", tabel=key))
    assert response["Content-Type"].startswith("text/csv")
    assert f"inzicht-{key}-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    found = {row[0]: row[1:] for row in rows[1:]}
    assert found[label][: len(expected)] == expected
    for row in rows[1:]:
        for cell in row[1:]:
            assert not SMALL_NUMBER.match(cell), row


def test_every_table_has_a_csv_link_and_an_unknown_table_is_404(client, make_user, logged):
    client.force_login(make_user("redactie"))
    html = client.get(URL, period_query()).content.decode()
    keys = set(re.findall(r"tabel=([a-z-]+)\"", html))
    assert {"thema", "wijk", "feedback", "meldingen", "controle", "zonder-resultaat"} <= keys
    for key in keys:
        assert client.get(URL, period_query(formaat="csv", tabel=key)).status_code == 200
    assert client.get(URL, period_query(formaat="csv", tabel="bestaat-niet")).status_code == 404


def test_a_wrong_date_gets_a_dutch_message_not_an_error(client, make_user, logged):
    client.force_login(make_user("redactie"))
    response = client.get(URL, {"van": "31-02-2026", "tot": "morgen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "is geen datum" in html and "bijvoorbeeld 30-11-2026" in html
    swapped = client.get(URL, {"van": "30-11-2026", "tot": "01-11-2026"}).content.decode()
    assert "De begindatum ligt na de einddatum" in swapped


def test_share_of_entries_checked_within_their_interval(client, make_user, build):
    geld = build.theme("geld", "Geld en schulden")
    for number in range(6):
        build.service(f"vers-{number}", f"Vers {number}", themes=[geld], last_checked=TODAY)
    for number in range(5):
        build.service(
            f"oud-{number}",
            f"Oud {number}",
            themes=[geld],
            last_checked=TODAY - datetime.timedelta(days=400),
        )
    client.force_login(make_user("redactie"))
    page = parse(client.get(URL).content.decode())
    themes = rows_by_label(page.tables["Op tijd gecontroleerd, per thema (vandaag)"])
    assert themes["Geld en schulden"] == ["6", "5", "55%"]
    html = client.get(URL).content.decode()
    assert "6 van de 11 (55%)" in html


# What is logged, and that it is anonymous ----------------------------------------------------


def test_a_search_counts_per_theme_and_wijk_without_anything_about_the_asker(client, build):
    geld = build.theme("geld", "Geld en schulden")
    build.service("schuldhulp", "Hulp bij schulden", themes=[geld], phrases=["ik heb schulden"])
    client.get("/zoeken/", {"q": "ik heb schulden"}, REMOTE_ADDR="203.0.113.7")
    client.get("/zoeken/", {"q": "ik heb schulden", "pagina": "2"})  # leafing: not counted
    client.get("/api/zoeken/", {"q": "xyzzyplof"})
    rows = {(r.theme, r.wijk): (r.searches, r.without_results) for r in SearchDemand.objects.all()}
    assert rows == {("geld", ""): (1, 0), ("", ""): (1, 1)}
    fields = {field.name for field in SearchDemand._meta.get_fields()}
    assert fields == {"id", "day", "theme", "wijk", "searches", "without_results"}


def test_a_wegwijzer_result_counts_only_the_choice_and_the_day(client, build):
    geld = build.theme("geld", "Geld en schulden")
    build.service("schuldhulp", "Hulp bij schulden", themes=[geld])
    client.get("/wegwijzer/uitkomst/", {"thema": "geld"}, REMOTE_ADDR="203.0.113.7")
    client.get("/wegwijzer/uitkomst/", {"thema": "geld"})
    client.get("/wegwijzer/vragen/", {"thema": "geld"})  # step 2 is no result yet
    assert list(ChoiceCount.objects.values_list("day", "theme", "wijk", "count")) == [
        (TODAY, "geld", "", 2)
    ]
    fields = {field.name for field in ChoiceCount._meta.get_fields()}
    assert fields == {"id", "day", "theme", "wijk", "count"}
    assert not client.cookies
