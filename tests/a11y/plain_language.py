"""A small B1 check for Dutch texts: short sentences, and jargon only with a plain
explanation beside it (in the same text).

Deliberately simple and predictable: it finds long sentences and unexplained jargon words,
it does not judge style. An explanation counts when the jargon word
* stands in brackets after the plain words: "hulp om thuis te wonen (Wmo)";
* is followed by brackets, a colon or a defining phrase: "Kwijtschelding: u hoeft ...",
  "De Wmo is een wet", "statushouder? Dat betekent ...";
* is named after its explanation: "Dit heet vroegsignalering", "Dan bent u mantelzorger".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE_WORDS = 20
MAX_AVERAGE_WORDS = 14.0

# Official words residents often do not know. Matched as whole words, also in plural.
JARGON = (
    "Wmo",
    "Participatiewet",
    "Jeugdwet",
    "maatwerkvoorziening",
    "bijzondere bijstand",
    "kwijtschelding",
    "mantelzorger",
    "statushouder",
    "inburgering",
    "re-integratie",
    "schuldhulpverlening",
    "vroegsignalering",
    "minimaregeling",
    "keukentafelgesprek",
    "respijtzorg",
    "persoonsgebonden budget",
    "pgb",
    "indicatie",
    "beschikking",
)

_AFTER = re.compile(
    r"^\s*(\(|:|,\s*(een|de|het|dat is|dat betekent)\b|\?\s*dat betekent\b|[.?]\s*(dat|dit|die)"
    r"\s+(is|betekent|wet|zijn|regeling)\b|\s+(is|zijn)\s+(een|de|het)\b|\s+betekent\b)",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"(\(\s*|\b(heet|heten|noemen we|noemt men|bent u|heet dat|heet dit)\s+"
    r"(een\s+|de\s+|het\s+)?)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@dataclass(frozen=True)
class Finding:
    where: str
    problem: str
    text: str

    def __str__(self):
        return f"{self.where}: {self.problem}: {self.text!r}"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if _WORD.search(s)]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _pattern(term: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(term)}(s|en)?\b", re.IGNORECASE)


def _explained(text: str, match: re.Match) -> bool:
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 40]
    return bool(_BEFORE.search(before) or _AFTER.match(after))


def unexplained_jargon(text: str) -> list[str]:
    """Jargon words in the text without any explained occurrence in the same text."""
    found = []
    for term in JARGON:
        matches = list(_pattern(term).finditer(text or ""))
        if matches and not any(_explained(text, m) for m in matches):
            found.append(term)
    return found


def check(where: str, text: str, *, jargon: bool = True) -> list[Finding]:
    findings = []
    parts = sentences(text)
    for sentence in parts:
        if word_count(sentence) > MAX_SENTENCE_WORDS:
            findings.append(Finding(where, f"zin van {word_count(sentence)} woorden", sentence))
    if parts:
        average = sum(word_count(s) for s in parts) / len(parts)
        if average > MAX_AVERAGE_WORDS:
            findings.append(Finding(where, f"gemiddeld {average:.1f} woorden per zin", text[:80]))
    if jargon:
        for term in unexplained_jargon(text):
            findings.append(Finding(where, f"'{term}' zonder uitleg", text[:80]))
    return findings
