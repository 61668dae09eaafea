"""What residents look for: searches and wegwijzer results per theme and wijk over time, and
the questions that found nothing."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from . import sources
from .charts import Chart, Series
from .period import Period, dutch_date
from .privacy import share
from .sections import Section
from .tables import Row, Table


def _names(model_label: str) -> dict[str, str]:
    from django.apps import apps

    model = apps.get_model(model_label)
    if model_label == "cms.Theme":
        return dict(model.objects.values_list("slug", "name"))
    return dict(model.objects.values_list("slug", "title"))


def _per_bucket(period: Period, records, value=lambda r: r.count) -> list[int]:
    index = period.bucket_index()
    counts = [0] * len(period.buckets())
    for record in records:
        counts[index[record.day]] += value(record)
    return counts


def over_time(period: Period, searches, choices) -> Section:
    labels = tuple(bucket.label for bucket in period.buckets())
    searched = _per_bucket(period, searches)
    guided = _per_bucket(period, choices)
    table = Table(
        key="vraag-per-periode",
        title=_("Zoekopdrachten en wegwijzer per %(unit)s") % {"unit": period.granularity},
        columns=(_("Periode"), _("Zoekopdrachten"), _("Via de wegwijzer")),
        rows=tuple(
            Row(label, (s, g)) for label, s, g in zip(labels, searched, guided, strict=True)
        ),
    )
    chart = Chart(
        key="vraag-per-periode",
        title=table.title,
        labels=labels,
        series=(
            Series(_("Zoekopdrachten"), tuple(searched)),
            Series(_("Wegwijzer"), tuple(guided)),
        ),
    )
    return Section(
        key="vraag",
        title=_("Hoeveel inwoners zochten hulp?"),
        intro=_(
            "Zoekopdrachten op de site en op de kaart (alleen de eerste pagina telt) en "
            "uitkomsten van de wegwijzer. Zonder namen, IP-adressen of cookies."
        ),
        tables=(table,),
        chart=chart,
    )


def _breakdown(period, searches, choices, *, attr, key, title, names, unknown, intro) -> Section:
    searched: Counter = Counter()
    guided: Counter = Counter()
    for record in searches:
        searched[getattr(record, attr)] += record.count
    for record in choices:
        guided[getattr(record, attr)] += record.count
    slugs = sorted(set(searched) | set(guided), key=lambda s: (-(searched[s] + guided[s]), s))

    def label(slug: str) -> str:
        return names.get(slug, slug) if slug else unknown

    table = Table(
        key=key,
        title=title,
        columns=(_("Naam"), _("Zoekopdrachten"), _("Via de wegwijzer")),
        rows=tuple(Row(label(slug), (searched[slug], guided[slug])) for slug in slugs),
        empty_text=_("In deze periode is er niets gezocht."),
    )
    index = period.bucket_index()
    buckets = period.buckets()
    matrix: dict[str, list[int]] = defaultdict(lambda: [0] * len(buckets))
    for record in [*searches, *choices]:
        matrix[getattr(record, attr)][index[record.day]] += record.count
    over_time_table = Table(
        key=f"{key}-per-periode",
        title=_("%(title)s, per %(unit)s") % {"title": title, "unit": period.granularity},
        columns=(_("Naam"), *(bucket.label for bucket in buckets)),
        rows=tuple(Row(label(slug), tuple(matrix[slug])) for slug in slugs),
        empty_text=table.empty_text,
    )
    chart = Chart(
        key=key,
        title=title,
        labels=tuple(row.label for row in table.rows),
        series=(
            Series(_("Zoekopdrachten"), tuple(searched[s] for s in slugs)),
            Series(_("Wegwijzer"), tuple(guided[s] for s in slugs)),
        ),
        horizontal=True,
    )
    return Section(
        key=key,
        title=title,
        intro=intro,
        tables=(table, over_time_table),
        chart=chart if slugs else None,
    )


def per_theme(period, searches, choices) -> Section:
    return _breakdown(
        period,
        searches,
        choices,
        attr="theme",
        key="thema",
        title=_("Waar zoeken inwoners naar, per thema"),
        names=_names("cms.Theme"),
        unknown=_("Geen thema (niets gevonden)"),
        intro=_(
            "Het thema dat iemand koos, of anders het thema van het beste zoekresultaat. "
            "Zo ziet u ook het effect van een actie of gebeurtenis."
        ),
    )


def per_wijk(period, searches, choices) -> Section:
    return _breakdown(
        period,
        searches,
        choices,
        attr="wijk",
        key="wijk",
        title=_("Waar zoeken inwoners naar, per wijk"),
        names=_names("cms.WijkPage"),
        unknown=_("Wijk niet bekend"),
        intro=_(
            "De wijk die iemand koos, of de wijk van de postcode die iemand gaf. "
            "Wie geen wijk of postcode gaf, telt bij 'Wijk niet bekend'."
        ),
    )


def without_results(period: Period, searches) -> Section:
    labels = tuple(bucket.label for bucket in period.buckets())
    empty = _per_bucket(period, searches, value=lambda r: r.without_results)
    total = _per_bucket(period, searches)
    table = Table(
        key="zonder-resultaat",
        title=_("Zoekopdrachten zonder resultaat per %(unit)s") % {"unit": period.granularity},
        columns=(_("Periode"), _("Zonder resultaat"), _("Alle zoekopdrachten"), _("Aandeel")),
        rows=tuple(
            Row(label, (e, t, share(e, t)))
            for label, e, t in zip(labels, empty, total, strict=True)
        ),
    )
    questions = Table(
        key="zoekvragen-zonder-resultaat",
        title=_("Vragen met geen of weinig resultaat"),
        columns=(_("Zoekvraag"), _("Aantal keer gezocht (totaal)"), _("Laatst gezocht")),
        rows=tuple(
            Row(q.text, (q.times, dutch_date(q.last_asked.date())))
            for q in sources.unanswered_questions(period)
        ),
        empty_text=_("Er zijn in deze periode geen vragen zonder resultaat."),
    )
    return Section(
        key="zonder-resultaat",
        title=_("Vragen zonder resultaat"),
        intro=_(
            "Wat inwoners zochten maar niet vonden. Voeg een synoniem of een 'helpt bij'-zin "
            "toe onder Zoeken → Zoekvragen zonder resultaat."
        ),
        tables=(table, questions),
        chart=Chart(
            key="zonder-resultaat",
            title=table.title,
            labels=labels,
            series=(Series(_("Zonder resultaat"), tuple(empty)),),
        ),
    )


def sections(period: Period) -> list[Section]:
    searches = sources.search_demand(period)
    choices = sources.wegwijzer_choices(period)
    return [
        over_time(period, searches, choices),
        per_theme(period, searches, choices),
        per_wijk(period, searches, choices),
        without_results(period, searches),
    ]
