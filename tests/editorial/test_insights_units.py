"""The plain parts of Inzicht: hiding small numbers, the period and its buckets, the SVG."""

import datetime
import re

from django.http import QueryDict

from editorial.insights import charts, privacy
from editorial.insights.period import Granularity, Period, read_period
from search.demand import theme_of
from search.types import Engine, ResultItem, SearchParams, SearchResult

TODAY = datetime.date(2026, 12, 2)


def test_small_counts_are_hidden_and_percentages_never_give_them_away():
    assert [privacy.shown(n) for n in (0, 1, 4, 5, 120)] == ["0", "< 5", "< 5", "5", "120"]
    assert privacy.share(6, 11) == "55%"
    assert privacy.share(3, 20) == ""  # 3 would follow from 15% of 20
    assert privacy.share(18, 20) == ""  # and so would the 2 others
    assert privacy.share(0, 0) == ""


def test_the_period_and_its_buckets():
    period, errors = read_period(QueryDict("van=01-11-2026&tot=2026-11-30"), TODAY)
    assert errors == [] and period == Period(
        datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)
    )
    assert period.granularity == Granularity.DAY and len(period.buckets()) == 30
    weeks = Period(datetime.date(2026, 9, 1), TODAY)
    assert weeks.granularity == Granularity.WEEK
    assert weeks.buckets()[0].start == datetime.date(2026, 9, 1)  # cut to the period
    assert weeks.buckets()[1].start == datetime.date(2026, 9, 7)  # a Monday
    months = Period(datetime.date(2025, 1, 15), TODAY)
    assert months.granularity == Granularity.MONTH and months.buckets()[0].label == "jan 2025"
    default, errors = read_period(QueryDict(""), TODAY)
    assert errors == [] and default.end == TODAY and default.days == 84
    future, errors = read_period(QueryDict("tot=01-01-2030"), TODAY)
    assert future.end == TODAY


def test_wrong_dates_give_dutch_messages():
    period, errors = read_period(QueryDict("van=gisteren&tot=31-02-2026"), TODAY)
    assert len(errors) == 2 and all("is geen datum" in error for error in errors)
    assert period.end == TODAY
    _period, errors = read_period(QueryDict("van=01-01-2020&tot=01-12-2026"), TODAY)
    assert errors == ["Kies een periode van hoogstens drie jaar. We tonen de laatste drie jaar."]


def test_a_chart_is_accessible_svg_and_never_draws_a_small_count_to_scale():
    chart = charts.Chart(
        key="proef",
        title="Zoekopdrachten per week",
        labels=("week 1", "week 2", "week 3"),
        series=(charts.Series("Zoekopdrachten", (10, 3, 20)),),
    )
    svg = str(charts.render(chart))
    assert svg.startswith('<svg class="inzicht-grafiek" role="img"')
    assert 'aria-labelledby="grafiek-proef-titel grafiek-proef-uitleg"' in svg
    assert '<title id="grafiek-proef-titel">Zoekopdrachten per week</title>' in svg
    assert "het hoogst bij week 3 (20)" in svg
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert heights == [100.0, 200.0]  # no bar for the 3
    assert ">&lt; 5</text>" in svg
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert not any(re.fullmatch(r"[1-4]", text) for text in texts)


def test_horizontal_chart_labels_values_and_hides_small_ones():
    chart = charts.Chart(
        key="thema",
        title="Per thema",
        labels=("Geld en schulden", "Wonen"),
        series=(charts.Series("Ja", (7, 2)), charts.Series("Nee", (0, 5))),
        horizontal=True,
    )
    svg = str(charts.render(chart))
    values = re.findall(r'class="waarde">([^<]*)</text>', svg)
    assert values == ["7", "0", "&lt; 5", "5"]


def _result(*theme_slugs):
    items = [
        ResultItem(
            slug="a",
            title="A",
            summary="",
            url="/a/",
            organisation=None,
            themes=[{"slug": slug, "name": slug} for slug in theme_slugs],
            distance_m=None,
            open_now=False,
            next_session=None,
        )
    ]
    return SearchResult("q", 1, Engine.EMBEDDED, items if theme_slugs else [], {}, 0)


def test_a_search_counts_under_one_theme_only():
    assert theme_of(SearchParams(q="x", themes=("geld", "wonen")), _result("zorg")) == "geld"
    assert theme_of(SearchParams(q="x"), _result("zorg", "geld")) == "zorg"
    assert theme_of(SearchParams(q="x"), _result()) == ""
