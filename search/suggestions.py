"""Suggestions while typing (embedded engine): titles and real questions first, then single
words, never stop words or filler ("ma" does not offer "maken", "bij" not "bijvoorbeeld").

A single word is offered only when it carries meaning: it is no stop word, no filler word
and it occurs in a title or "helps with" phrase of some service.
"""

from __future__ import annotations

import functools

from . import analysis
from .lexicon import wordset

MAX_WORDS = 3
MIN_WORD_LENGTH = 4
FILLER = wordset(
    """bijvoorbeeld maken maakt gemaakt kunnen kunt moeten moet willen wilt zullen gaan gaat
    komen komt doen doet hebben heeft worden wordt zijn laten krijgen krijgt staan staat
    zitten zit vinden vindt weten weet zeggen helpen helpt graag samen even gewoon soms vaak
    altijd nooit elke ieder iedereen iemand niemand andere anderen veel weinig meer minder
    eerst daarna samen welke waarom wanneer waar hoe omdat want maar ook alleen steeds
    nog niet wel heel erg echt zelf zelfs uw jouw onze"""
)


@functools.lru_cache(maxsize=4)
def _phrase_words(key_texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for key in key_texts for w in key.split())


def meaningful(word: str, phrase_words: frozenset[str]) -> bool:
    return (
        len(word) >= MIN_WORD_LENGTH
        and word not in analysis.stopwords()
        and word not in FILLER
        and word in phrase_words
    )


def rank(snap, typed: list[str], limit: int) -> list[str]:
    *complete, last = typed
    found: list[tuple[tuple, str]] = []
    entries = snap.suggestions()
    for key, text, weight in entries:
        parts = key.split()
        if not any(p.startswith(last) for p in parts):
            continue
        if complete and not all(w in parts for w in complete):
            continue
        at_start = key.startswith(" ".join(typed))
        found.append(((0, -weight, not at_start, len(key)), text))
    if not complete:
        phrase_words = _phrase_words(tuple(key for key, _text, _weight in entries))
        words = [
            ((1, -df, word), word)
            for word, df in snap.word_df.items()
            if df > 0 and word.startswith(last) and len(word) > len(last)
            and meaningful(word, phrase_words)
        ]  # fmt: skip
        found.extend(sorted(words)[:MAX_WORDS])
    found.sort()
    return list(dict.fromkeys(text for _, text in found))[:limit]
