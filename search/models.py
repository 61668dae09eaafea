"""Our own search index table (embedded engine) and the anonymous logs: unanswered questions
and daily counters of what residents look for (per theme and wijk).

The full-text part of the index is not a Django field: on SQLite an FTS5 table kept in step
by triggers, on PostgreSQL a generated ``tsvector`` column with a GIN index. Both are created
by migration 0002 with frozen SQL (queried by ``search/engines/embedded/fulltext.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .elsewhere.models import ElsewhereTopic
from .pending import PendingReindex
from .record import STORED, TEXT_CLASSES, Kind
from .synonyms import Synonym

__all__ = [
    "ElsewhereTopic",
    "IndexState",
    "PendingReindex",
    "SearchDemand",
    "SearchEntry",
    "Synonym",
    "UnansweredQuery",
]

# A column per stored field of the record, by kind; a few keep the size they were made with.
_SIZED = {
    "slug": lambda: models.CharField(max_length=255, db_index=True),
    "title": lambda: models.CharField(max_length=255),
    "url": lambda: models.CharField(max_length=500, blank=True),
    "cost": lambda: models.CharField(max_length=30, blank=True),
}
_BY_KIND = {
    Kind.KEYWORD: lambda: models.CharField(max_length=255, blank=True),
    Kind.TEXT: lambda: models.TextField(blank=True),
    Kind.REF: lambda: models.JSONField(null=True, blank=True),
    Kind.SCHEDULE: lambda: models.JSONField(null=True, blank=True),
    Kind.LABELS: lambda: models.JSONField(default=list),
    Kind.PLACES: lambda: models.JSONField(default=list),
    Kind.PHRASES: lambda: models.JSONField(default=list),
    Kind.CODES: lambda: models.JSONField(default=list),
    Kind.BOOL: lambda: models.BooleanField(default=False),
    Kind.DATE: lambda: models.DateField(null=True, blank=True),
    # Nullable without a default, so SQLite adds the column in place (a table rebuild would
    # drop the full-text triggers).
    Kind.CONTACT: lambda: models.JSONField(null=True, blank=True),
}


class SearchEntry(models.Model):
    """One live, public service: its stored record fields (one column each, from
    ``search.record.FIELDS``) and the pre-analysed tokens of each text class.

    On SQLite the full-text table is kept in step by triggers on this table: a migration
    that makes Django rebuild the table (most column changes there) must drop and re-create
    them around it, as 0004 does.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    words = models.TextField(blank=True, help_text="Distinct normalised words, for spelling.")
    indexed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("zoekindex-regel")
        verbose_name_plural = _("zoekindex")

    def __str__(self):
        return self.title


for _field in STORED:
    SearchEntry.add_to_class(_field.name, _SIZED.get(_field.name, _BY_KIND[_field.kind])())
for _text_class in TEXT_CLASSES:
    SearchEntry.add_to_class(_text_class.column, models.TextField(blank=True))


class IndexState(models.Model):
    """A single row whose counter goes up with every change to the embedded index.

    Each process compares it with the version of its in-memory copy (search.snapshot), so a
    change made anywhere is seen by the next search everywhere, at the cost of one query.
    """

    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"search index version {self.version}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=models.F("version") + 1):
            cls.objects.get_or_create(pk=1, defaults={"version": 1})


class UnansweredQuery(models.Model):
    """A question that gave no or few results. Anonymous: no IP address, cookie or user."""

    text = models.CharField(_("zoekvraag"), max_length=200, unique=True)
    times = models.PositiveIntegerField(_("aantal keer gezocht"), default=1)
    result_count = models.PositiveIntegerField(_("aantal resultaten (laatste keer)"), default=0)
    first_asked = models.DateTimeField(_("eerste keer"), auto_now_add=True)
    last_asked = models.DateTimeField(_("laatste keer"), db_index=True)

    class Meta:
        ordering = ["-last_asked"]
        verbose_name = _("zoekvraag zonder (veel) resultaat")
        verbose_name_plural = _("zoekvragen zonder resultaat")

    def __str__(self):
        return self.text


class SearchDemand(models.Model):
    """How many searches there were per day, theme and wijk. Anonymous: only counters."""

    day = models.DateField(_("dag"))
    theme = models.CharField(_("thema (slug)"), max_length=80, blank=True)
    wijk = models.CharField(_("wijk (slug)"), max_length=80, blank=True)
    searches = models.PositiveIntegerField(_("aantal zoekopdrachten"), default=0)
    without_results = models.PositiveIntegerField(_("zonder resultaat"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "theme", "wijk"], name="search_demand_unique")
        ]
        indexes = [models.Index(fields=["day"], name="search_demand_day")]
        verbose_name = _("zoekopdrachten per dag")
        verbose_name_plural = _("zoekopdrachten per dag")

    def __str__(self):
        return f"{self.day} {self.theme or '-'} {self.wijk or '-'}: {self.searches}"
