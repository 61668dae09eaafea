"""English questions: an English vocabulary over the same concepts as the Dutch one.

``data/english/vocabulary.txt`` maps English words and phrases (compared by Snowball
English stem) to the Dutch words of the services. ``expansion`` uses it for words that are
not Dutch, or for every word of a question that is English; English function words of an
English question are dropped like Dutch stop words.
"""

from __future__ import annotations

import functools
import re

from . import analysis, lexicon
from .lexicon import wordset

VOCABULARY = analysis.DATA_DIR / "english" / "vocabulary.txt"
STOPWORDS = wordset(
    """i me my mine we our you your he she him her his it its they them their a an the and or
    but if of at by for with about to from in on into over up down out is am are was were be
    been being have has had do does did can could will would shall should may might must
    not no where what which who whom when why how there here this that these those some any
    very just so too also please want wants need needs looking look find get someone
    something anyone anything somebody help"""
)
# Words that mark a question as English (and are no Dutch words).
MARKERS = wordset(
    "i my the where what how can need want feel looking with for and is am are you your who does do"
)
_WORD = re.compile(r"[a-z0-9']+")


def is_english(words: list[str]) -> bool:
    markers = sum(1 for w in words if w in MARKERS)
    dutch = sum(1 for w in words if w in analysis.stopwords() and w not in MARKERS)
    return markers >= 1 and markers >= dutch


def _english_phrase(text: str) -> tuple[str, ...]:
    words = [w for w in _WORD.findall(analysis.normalise(text).replace("'", "")) if w]
    return tuple(lexicon.english_stem(w) for w in words)


@functools.cache
def vocabulary() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """English stem phrase -> the Dutch stem phrases it means."""
    rules: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    with VOCABULARY.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            left, arrow, right = line.partition("=>")
            if not arrow or not left.strip() or not right.strip():
                raise ValueError(f"{VOCABULARY.name}:{number}: expected 'english => dutch'")
            targets = {tuple(analysis.stems(p)) for p in right.split(",") if analysis.stems(p)}
            for phrase in left.split(","):
                key = _english_phrase(phrase)
                if key:
                    rules.setdefault(key, set()).update(targets)
    return {key: tuple(sorted(value)) for key, value in rules.items()}


@functools.cache
def longest() -> int:
    return max((len(k) for k in vocabulary()), default=1)


def lookup(words: list[str]) -> dict[int, set[tuple[str, ...]]]:
    """Per position in ``words``: the Dutch stem phrases an English phrase there means.
    Longer phrases win over the single words inside them."""
    stems = [lexicon.english_stem(w) for w in words]
    found: dict[int, set[tuple[str, ...]]] = {}
    covered: set[int] = set()
    rules = vocabulary()
    for size in range(min(longest(), len(stems)), 0, -1):
        for start in range(len(stems) - size + 1):
            span = range(start, start + size)
            if any(i in covered for i in span):
                continue
            targets = rules.get(tuple(stems[start : start + size]))
            if targets:
                for i in span:
                    found.setdefault(i, set()).update(targets)
                covered.update(span)
    return found


# --------------------------------------------------------------------------- English texts

# English terms carry this prefix: they live in the English text classes of the index and
# never meet a Dutch stem (the index's terms are [a-z0-9]+, so it is letters and a digit).
MARK = "en0"
# Function words of running English text (the question list above also drops "help", "need").
TEXT_STOPWORDS = wordset(
    """a an the and or but if of at by for with about to from in on into over is am are was
    were be been being have has had do does did can could will would shall should may might
    must not no this that these those it its they them their you your we our us i me my he
    she his her there here so than then too very just also as all any each every"""
)


def term(word: str) -> str:
    """The index term of an English word: the mark and its Snowball English stem."""
    return MARK + lexicon.english_stem(word)


def terms(text: str, stopwords: frozenset[str] = TEXT_STOPWORDS) -> list[str]:
    """The English index terms of a text, in order."""
    words = _WORD.findall(analysis.normalise(text).replace("'", ""))
    return [term(w) for w in words if w not in stopwords and (len(w) > 1 or w.isdigit())]


def index_stream(texts: list[str] | str) -> str:
    """The stored, pre-analysed form of an English field (see ``analysis.index_stream``)."""
    if isinstance(texts, str):
        texts = [texts]
    return " ".join(t for text in texts for t in terms(text))
