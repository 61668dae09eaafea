"""'Heeft deze informatie u geholpen?': anonymous answers and the weekly overview per page."""

import datetime
import re
from dataclasses import dataclass, field

from django.core import signing
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import FeedbackSource, PageFeedback

_SALT = "editorial.feedback.missing"
# A 'wat miste u?' addition must follow the 'Nee' within this time.
TOKEN_MAX_AGE = 60 * 60


def record(*, helpful: bool, page=None, query: str = "") -> PageFeedback:
    return PageFeedback.objects.create(
        source=FeedbackSource.SEARCH if page is None else FeedbackSource.PAGE,
        page=page,
        query=query if page is None else "",
        helpful=helpful,
    )


def token_for(feedback: PageFeedback) -> str:
    return signing.dumps(feedback.pk, salt=_SALT)


def add_missing(token: str, text: str) -> bool:
    """Attach 'wat miste u?' to a 'Nee' answer; only once and only shortly after."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    updated = PageFeedback.objects.filter(pk=pk, helpful=False, missing="").update(missing=text)
    return bool(updated)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


_WEEK_RE = re.compile(r"^([0-9]{4})-W([0-9]{2})$", re.ASCII)
FIRST_YEAR = 2000


class InvalidWeek(ValueError):
    pass


def parse_week(value: str | None, today: datetime.date) -> datetime.date:
    """'2026-W47' → the Monday of that ISO week; nothing → this week.

    Raises ``InvalidWeek`` for anything else, also for years far in the past or future
    (the week after 9999-W52 does not exist as a date).
    """
    if not value:
        return week_start(today)
    match = _WEEK_RE.match(value)
    if match and FIRST_YEAR <= int(match[1]) <= today.year + 1:
        try:
            return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
    raise InvalidWeek(
        _("Kies een week zoals 2026-W47: een jaar vanaf %(first)s, dan -W en het weeknummer.")
        % {"first": FIRST_YEAR}
    )


@dataclass
class FeedbackRow:
    title: str
    page: object = None
    query: str = ""
    yes: int = 0
    no: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.yes + self.no

    @property
    def percentage_helped(self) -> int:
        return round(100 * self.yes / self.total) if self.total else 0


def weekly_overview(monday: datetime.date) -> list[FeedbackRow]:
    """One row per page (and per search question), most 'Nee' first."""
    answers = PageFeedback.objects.filter(
        created_on__gte=monday, created_on__lt=monday + datetime.timedelta(days=7)
    )
    counts = (
        answers.order_by()
        .values("source", "page", "query")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    pages = Page.objects.in_bulk([c["page"] for c in counts if c["page"]])
    rows = {}
    for count in counts:
        page = pages.get(count["page"])
        if count["source"] == FeedbackSource.SEARCH:
            title = count["query"] or "—"
        else:
            title = page.title if page else "—"
        rows[(count["page"], count["query"])] = FeedbackRow(
            title=title, page=page, query=count["query"], yes=count["yes"], no=count["no"]
        )
    for page_id, query, text in answers.exclude(missing="").values_list("page", "query", "missing"):
        rows[(page_id, query)].missing.append(text)
    return sorted(rows.values(), key=lambda row: (-row.no, -row.total, row.title))
