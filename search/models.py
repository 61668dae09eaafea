"""Our own search index table (embedded engine) and the anonymous log of unanswered questions.

The full-text part of the index is not a Django field: on SQLite an FTS5 table kept in step
by triggers, on PostgreSQL a generated ``tsvector`` column with a GIN index. Both are created
in migration 0002 from ``SearchEntry._meta.db_table`` (see ``search/fts.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .synonyms import Synonym

__all__ = ["IndexState", "SearchEntry", "Synonym", "UnansweredQuery"]

# The token columns hold pre-analysed text (see search.analysis.index_stream), in order of
# weight: what a service helps with counts most, the body least.
TOKEN_FIELDS = (
    "helps_with_tokens",
    "title_tokens",
    "summary_tokens",
    "body_tokens",
    "extra_tokens",
)


class SearchEntry(models.Model):
    """One live, public service, flattened to public fields and pre-analysed tokens."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    slug = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    organisation = models.JSONField(null=True, blank=True)
    themes = models.JSONField(default=list)
    target_groups = models.JSONField(default=list)
    wijken = models.JSONField(default=list)
    places = models.JSONField(default=list)
    cost = models.CharField(max_length=30, blank=True)
    at_home = models.BooleanField(default=False)
    by_phone_or_online = models.BooleanField(default=False)
    schedule = models.JSONField(null=True, blank=True)
    overdue_from = models.DateField(null=True, blank=True)
    phrases = models.JSONField(default=list)
    # Nullable without a default, so SQLite adds the column in place (a table rebuild would
    # drop the full-text triggers).
    contact = models.JSONField(null=True, blank=True)

    helps_with_tokens = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    summary_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    extra_tokens = models.TextField(blank=True)
    words = models.TextField(blank=True, help_text="Distinct normalised words, for spelling.")
    indexed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("zoekindex-regel")
        verbose_name_plural = _("zoekindex")

    def __str__(self):
        return self.title


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
