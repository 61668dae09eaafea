"""The plain-language vocabulary: synonym rules from version-controlled files plus editors.

Rules use the Solr synonym format, which Elasticsearch reads as well:

* ``a, b, c``: interchangeable words;
* ``a, b => c, d``: someone who types a or b is also looking for c and d.

Files live in ``search/data/synonyms/<leefgebied>.txt``. Editors add rules in the CMS
(``Synonym`` snippets); ``current_map()`` notices their changes through a cheap version
check on every call, so no restart or reindex is needed.
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import analysis, freshness

SYNONYM_DIR = analysis.DATA_DIR / "synonyms"
EDITOR_FILE = SYNONYM_DIR / "redactie.txt"


class Synonym(models.Model):
    words = models.CharField(
        _("woorden van inwoners"),
        max_length=255,
        help_text=_(
            "Woorden zoals inwoners ze typen, gescheiden door komma's. "
            "Bijvoorbeeld: huurachterstand, aanmaning"
        ),
    )
    means = models.CharField(
        _("betekent"),
        max_length=255,
        blank=True,
        help_text=_(
            "Zoekwoorden die bij de hulp horen, gescheiden door komma's. Bijvoorbeeld: "
            "schulden. Laat leeg als alle woorden hierboven hetzelfde betekenen."
        ),
    )
    leefgebied = models.ForeignKey(
        "cms.Theme",
        verbose_name=_("leefgebied"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["words"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.as_rule()

    def clean(self):
        super().clean()
        errors = {}
        for name in ("words", "means"):
            value = getattr(self, name) or ""
            if "=>" in value or "\n" in value:
                errors[name] = _("Gebruik alleen woorden en komma's.")
        if not any(analysis.stems(p) for p in split_phrases(self.words)):
            errors["words"] = _("Vul minstens één woord in waar op gezocht kan worden.")
        if self.means.strip() and not any(analysis.stems(p) for p in split_phrases(self.means)):
            errors["means"] = _("Vul minstens één woord in waar op gezocht kan worden.")
        if errors:
            raise ValidationError(errors)

    def as_rule(self) -> str:
        words = ", ".join(split_phrases(self.words))
        means = ", ".join(split_phrases(self.means))
        return f"{words} => {means}" if means else words


def split_phrases(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split(",") if p.strip()]


@dataclass(frozen=True)
class Rule:
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]  # empty: an equivalence group (lhs holds all members)
    source: str = ""

    @classmethod
    def parse(cls, line: str, source: str = "") -> Rule:
        left, arrow, right = line.partition("=>")
        lhs = tuple(split_phrases(left))
        rhs = tuple(split_phrases(right)) if arrow else ()
        if not lhs or (arrow and not rhs):
            raise ValueError(f"{source}: not a synonym rule: {line!r}")
        return cls(lhs, rhs, source)

    def solr(self, keep_original: bool = False) -> str:
        if not self.rhs:
            return ", ".join(self.lhs)
        # Elasticsearch replaces the left side of an explicit mapping; keeping it on the
        # right side makes it add the service terms instead, like the embedded engine does.
        rhs = (*self.lhs, *self.rhs) if keep_original else self.rhs
        return f"{', '.join(self.lhs)} => {', '.join(dict.fromkeys(rhs))}"


def _read_rules(path: Path) -> list[Rule]:
    rules = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if line:
                rules.append(Rule.parse(line, source=f"{path.name}:{number}"))
    return rules


@functools.cache
def file_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for path in sorted(SYNONYM_DIR.glob("*.txt")):
        rules.extend(_read_rules(path))
    return tuple(rules)


def editor_rules() -> list[Rule]:
    return [
        Rule.parse(s.as_rule(), source=f"redactie:{s.pk}")
        for s in Synonym.objects.order_by("pk")
        if split_phrases(s.words)
    ]


def all_rules() -> list[Rule]:
    return [*file_rules(), *editor_rules()]


Phrase = tuple[str, ...]


@dataclass
class SynonymMap:
    """Rules compiled to stems: a phrase of stems -> the stem phrases it also means."""

    expansions: dict[Phrase, set[Phrase]] = field(default_factory=lambda: defaultdict(set))
    words: set[str] = field(default_factory=set)  # surface words, for spelling correction
    longest: int = 1

    @classmethod
    def compile(cls, rules: list[Rule]) -> SynonymMap:
        compiled = cls()
        for rule in rules:
            lhs = [p for p in (tuple(analysis.stems(x)) for x in rule.lhs) if p]
            rhs = [p for p in (tuple(analysis.stems(x)) for x in rule.rhs) if p]
            for text in (*rule.lhs, *rule.rhs):
                compiled.words.update(analysis.content_words(text))
            targets = rhs if rule.rhs else lhs
            for phrase in lhs:
                others = {t for t in targets if t != phrase}
                if others:
                    compiled.expansions[phrase].update(others)
                    compiled.longest = max(compiled.longest, len(phrase))
        compiled.expansions = dict(compiled.expansions)
        return compiled

    def lookup(self, phrase: Phrase) -> set[Phrase]:
        return self.expansions.get(phrase, set())


_lock = threading.Lock()
_cache: dict[str, object] = {"version": None, "map": None}


def _editor_checks() -> list:
    rules = Synonym.objects.all()
    return [freshness.count(rules), freshness.latest(rules, "updated_at")]


freshness.register("synonyms", _editor_checks)


def editor_version() -> tuple:
    """Changes whenever an editor adds, edits or deletes a synonym."""
    return freshness.version("synonyms")


def current_map() -> SynonymMap:
    """The compiled vocabulary, rebuilt only when the editors' synonyms changed."""
    version = editor_version()
    with _lock:
        if _cache["version"] != version or _cache["map"] is None:
            _cache["map"] = SynonymMap.compile(all_rules())
            _cache["version"] = version
        return _cache["map"]  # type: ignore[return-value]


def export_lines() -> list[str]:
    """Editors' rules as file lines, grouped by leefgebied (for ``export_synonyms``)."""
    lines = [
        "# Synoniemen van de redactie, geëxporteerd met 'manage.py export_synonyms'.",
        "# Same format as the other files in this folder.",
    ]
    current = object()
    for synonym in Synonym.objects.select_related("leefgebied").order_by(
        "leefgebied__sort_order", "leefgebied__name", "words"
    ):
        group = synonym.leefgebied.name if synonym.leefgebied else "Algemeen"
        if group != current:
            lines += ["", f"# {group}"]
            current = group
        lines.append(synonym.as_rule())
    return lines
