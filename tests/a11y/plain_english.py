"""A small plain-English check, the counterpart of the Dutch B1 check (plain_language.py):
short sentences, not too many long words, and jargon only with a plain explanation beside it
(in the same text).

Deliberately simple and predictable, like the Dutch check. A word counts as long when it has
three or more syllables (the "hard words" of readability formulas), counted by vowel groups;
names and Dutch terms in brackets are left out, because the English texts keep the Dutch name
beside the English one on purpose: "social help desk (sociaal loket)". An explanation counts
when the jargon word
* stands in brackets after the plain words: "money for unexpected costs (special assistance)",
  also after another name: "help at home (Social Support Act, Wmo)";
* is followed by brackets, a colon or a defining phrase: "Remission: you pay less ...",
  "The WMO is a law", "early warning means ...", "an informal carer, someone who ...";
* is named after its explanation: "This is called early warning", "Then you are a carer".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE_WORDS = 20
MAX_AVERAGE_WORDS = 14.0
MAX_LONG_WORD_SHARE = 0.25  # at most one word in four; from MIN_WORDS_FOR_SHARE words on
MIN_WORDS_FOR_SHARE = 12

# Official words residents often do not know. Matched as whole words, also in plural.
JARGON = (
    "WMO",
    "Social Support Act",
    "Participation Act",
    "Youth Act",
    "tailored provision",
    "special assistance",
    "remission",
    "informal carer",
    "status holder",
    "civic integration",
    "reintegration",
    "re-integration",
    "debt counselling",
    "debt relief",
    "early warning",
    "respite care",
    "personal budget",
    "PGB",
    "social minimum",
    "indication",
    "eligibility",
    "entitlement",
    "means test",
)

_AFTER = re.compile(
    r"^\s*(\(|:|,\s*(a|an|the|that is|which is|which means|someone who|people who)\b"
    r"|\?\s*(that|this) means\b|[.?]\s*(that|this|it|these)\s+(is|means|are|law|scheme)\b"
    r"|\s+(is|are)\s+(a|an|the)\b|\s+means\b)",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"(\(\s*|\([^()]*,\s*"
    r"|\b(called|is called|are called|we call this|you are|you are an?|it is called)\s+"
    r"(a\s+|an\s+|the\s+)?)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-zÀ-ÿ'’-]+|\d+(?:[.,:]\d+)*", re.UNICODE)
_BRACKETS = re.compile(r"\([^)]*\)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


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


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e ('care', 'centre' stay short); at least one."""
    word = word.lower().strip("'’-")
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and count > 1 and not word.endswith(("ted", "ded", "ses")):
        count -= 1
    return max(count, 1)


def _plain_words(text: str) -> list[str]:
    """The English words a reader has to read: no bracketed names, no names, no numbers."""
    words = []
    for sentence in sentences(_BRACKETS.sub(" ", text or "")):
        for position, word in enumerate(_WORD.findall(sentence)):
            if word[0].isdigit():
                continue
            if position > 0 and word[0].isupper():
                continue  # a name: Uithoorn, Amstelplein, Uithoorn voor Elkaar
            words.append(word)
    return words


def long_words(text: str) -> list[str]:
    return [word for word in _plain_words(text) if syllables(word) >= 3]


def long_word_share(text: str) -> float:
    words = _plain_words(text)
    return len(long_words(text)) / len(words) if words else 0.0


def _pattern(term: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(term)}(s|es)?\b", re.IGNORECASE)


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
            findings.append(Finding(where, f"sentence of {word_count(sentence)} words", sentence))
    if parts:
        average = sum(word_count(s) for s in parts) / len(parts)
        if average > MAX_AVERAGE_WORDS:
            findings.append(Finding(where, f"{average:.1f} words per sentence", text[:80]))
    if len(_plain_words(text)) >= MIN_WORDS_FOR_SHARE:
        share = long_word_share(text)
        if share > MAX_LONG_WORD_SHARE:
            findings.append(Finding(where, f"{share:.0%} long words", text[:80]))
    if jargon:
        for term in unexplained_jargon(text):
            findings.append(Finding(where, f"'{term}' without an explanation", text[:80]))
    return findings
