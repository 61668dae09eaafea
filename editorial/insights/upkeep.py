"""How the map is kept: feedback per service, correction reports and review on time."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .charts import Chart, Series
from .period import Period
from .privacy import THRESHOLD, share, shown
from .sections import Fact, Section
from .tables import Row, Table

FEEDBACK_ROWS = 25


def _day_range(period: Period, field: str) -> Q:
    return Q(**{f"{field}__date__gte": period.start, f"{field}__date__lte": period.end})


def feedback(period: Period) -> Section:
    from wagtail.models import Page

    from editorial.models import FeedbackSource, PageFeedback

    answers = PageFeedback.objects.filter(created_on__gte=period.start, created_on__lte=period.end)
    counts = (
        answers.order_by()
        .values("source", "page")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    titles = dict(
        Page.objects.filter(pk__in=[c["page"] for c in counts]).values_list("pk", "title")
    )
    search_label = _("Zoekresultaten (alle zoekvragen)")

    def label(source: str, page_id) -> str:
        if source == FeedbackSource.SEARCH:
            return search_label
        return titles.get(page_id, _("Verwijderde pagina"))

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for count in counts:
        key = label(count["source"], count["page"])
        tally[key][0] += count["yes"]
        tally[key][1] += count["no"]
    notes: dict[str, list[str]] = defaultdict(list)
    for source, page_id, text in answers.exclude(missing="").values_list(
        "source", "page", "missing"
    ):
        notes[label(source, page_id)].append(" ".join(text.split()))
    ordered = sorted(tally, key=lambda k: (-tally[k][1], -sum(tally[k]), k))[:FEEDBACK_ROWS]
    table = Table(
        key="feedback",
        title=_("Heeft deze informatie geholpen? Per voorziening"),
        columns=(_("Voorziening of pagina"), _("Ja"), _("Nee"), _("Geholpen")),
        rows=tuple(
            Row(k, (tally[k][0], tally[k][1], share(tally[k][0], sum(tally[k]))), tuple(notes[k]))
            for k in ordered
        ),
        empty_text=_("In deze periode zijn er geen reacties."),
    )
    chart = Chart(
        key="feedback",
        title=table.title,
        labels=tuple(ordered),
        series=(
            Series(_("Ja"), tuple(tally[k][0] for k in ordered)),
            Series(_("Nee"), tuple(tally[k][1] for k in ordered)),
        ),
        horizontal=True,
    )
    return Section(
        key="feedback",
        title=_("Reacties van inwoners"),
        intro=_(
            "Antwoorden op 'Heeft deze informatie u geholpen?', de voorziening met de meeste "
            "'nee' bovenaan, met wat inwoners misten."
        ),
        tables=(table,),
        chart=chart if ordered else None,
    )


def duration_text(delta: datetime.timedelta) -> str:
    hours = round(delta.total_seconds() / 3600)
    if hours < 48:
        return ngettext("%(n)s uur", "%(n)s uur", hours) % {"n": hours}
    days = round(hours / 24)
    return ngettext("%(n)s dag", "%(n)s dagen", days) % {"n": days}


def corrections(period: Period) -> Section:
    from editorial.models import CorrectionReport, ReportStatus

    reports = CorrectionReport.objects.all()
    received = list(
        reports.filter(_day_range(period, "created_at")).values_list("created_at", flat=True)
    )
    answered = list(
        reports.filter(_day_range(period, "handled_at"))
        .exclude(status=ReportStatus.NEW)
        .values_list("created_at", "handled_at")
    )
    index = period.bucket_index()
    labels = tuple(bucket.label for bucket in period.buckets())
    got, done = [0] * len(labels), [0] * len(labels)
    for moment in received:
        got[index[timezone.localtime(moment).date()]] += 1
    for _created, handled in answered:
        done[index[timezone.localtime(handled).date()]] += 1
    table = Table(
        key="meldingen",
        title=_("Meldingen ontvangen en beantwoord per %(unit)s") % {"unit": period.granularity},
        columns=(_("Periode"), _("Ontvangen"), _("Beantwoord")),
        rows=tuple(Row(label, (g, d)) for label, g, d in zip(labels, got, done, strict=True)),
    )
    if len(answered) >= THRESHOLD:
        median = statistics.median(
            (handled - created).total_seconds() for created, handled in answered
        )
        median_text = duration_text(datetime.timedelta(seconds=median))
    else:
        median_text = _("te weinig meldingen om dit te tonen")
    still_open = reports.filter(_day_range(period, "created_at"), status=ReportStatus.NEW).count()
    return Section(
        key="meldingen",
        title=_("Meldingen 'Klopt er iets niet?'"),
        intro=_("Hoeveel meldingen er binnenkwamen, hoeveel er zijn beantwoord en hoe snel."),
        tables=(table,),
        chart=Chart(
            key="meldingen",
            title=table.title,
            labels=labels,
            series=(Series(_("Ontvangen"), tuple(got)), Series(_("Beantwoord"), tuple(done))),
        ),
        facts=(
            Fact(_("Ontvangen"), shown(len(received))),
            Fact(_("Beantwoord"), shown(len(answered))),
            Fact(_("Van de ontvangen meldingen nog open"), shown(still_open)),
            Fact(_("Mediane tijd tot antwoord"), median_text),
        ),
    )


def review(period: Period, today: datetime.date | None = None) -> Section:
    """Entries checked within their review interval, today, per theme; and checks per period.

    Service entries are no residents, but the same rule for small numbers applies, so every
    count on the page follows one rule."""
    from wagtail.models import PageLogEntry

    from cms.models import ServicePage
    from cms.translations import source_pages
    from editorial.freshness import CHECKED_ACTION

    today = today or timezone.localdate()
    services = source_pages(ServicePage.objects.live()).prefetch_related("themes")
    on_time: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total_on_time = total = 0
    for service in services:
        fresh = service.review_due_date >= today
        total += 1
        total_on_time += fresh
        for theme in service.themes.all() or [None]:
            name = theme.name if theme else _("Zonder thema")
            on_time[name][0 if fresh else 1] += 1
    names = sorted(on_time)
    table = Table(
        key="controle",
        title=_("Op tijd gecontroleerd, per thema (vandaag)"),
        columns=(_("Thema"), _("Op tijd"), _("Te laat"), _("Op tijd (%)")),
        rows=tuple(
            Row(n, (on_time[n][0], on_time[n][1], share(on_time[n][0], sum(on_time[n]))))
            for n in names
        ),
        empty_text=_("Er staan nog geen voorzieningen op de kaart."),
    )
    checks = PageLogEntry.objects.filter(_day_range(period, "timestamp"), action=CHECKED_ACTION)
    index = period.bucket_index()
    labels = tuple(bucket.label for bucket in period.buckets())
    done = [0] * len(labels)
    for moment in checks.values_list("timestamp", flat=True):
        done[index[timezone.localtime(moment).date()]] += 1
    per_period = Table(
        key="controles-per-periode",
        title=_("'Gecontroleerd, klopt nog' per %(unit)s") % {"unit": period.granularity},
        columns=(_("Periode"), _("Gecontroleerd")),
        rows=tuple(Row(label, (d,)) for label, d in zip(labels, done, strict=True)),
    )
    percentage = share(total_on_time, total)
    overall = _("%(part)s van de %(whole)s") % {"part": shown(total_on_time), "whole": shown(total)}
    if percentage:
        overall += f" ({percentage})"
    return Section(
        key="controle",
        title=_("Is de kaart actueel?"),
        intro=_(
            "Een voorziening is op tijd gecontroleerd als de laatste controle binnen de "
            "termijn valt die erbij hoort (meestal 6 maanden)."
        ),
        tables=(table, per_period),
        chart=Chart(
            key="controle",
            title=table.title,
            labels=tuple(names),
            series=(
                Series(_("Op tijd"), tuple(on_time[n][0] for n in names)),
                Series(_("Te laat"), tuple(on_time[n][1] for n in names)),
            ),
            horizontal=True,
        )
        if names
        else None,
        facts=(
            Fact(_("Voorzieningen op de kaart"), shown(total)),
            Fact(_("Op tijd gecontroleerd"), overall),
        ),
    )
