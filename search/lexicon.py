"""Word forms from a real lexicon, beside the Snowball stemmer.

* ``lemma``: the dictionary form from simplemma's Dutch lexicon ("brengt" -> "brengen",
  "opgegroeid" -> "opgroeien", "kinderen" -> "kind").
* ``is_dutch_word``: whether the lexicon knows the word, so "Bedoelde u" is offered only
  for words that are not Dutch ("nacht" is never corrected to "wacht").
* ``english_stem``: the Snowball English stemmer, for the English vocabulary.
* ``word_keys``: the keys under which a word is compared across languages and forms.

The lexicon ships inside the simplemma package; nothing is downloaded.
"""

from __future__ import annotations

import functools

import simplemma
import snowballstemmer

from . import analysis

LANGUAGE = "nl"
# Derivations the lemmatiser leaves alone: "vereenzaming" -> "eenzaam" via "vereenzamen".
PREFIXES = ("ver", "be", "ge", "ont", "her")
SUFFIXES = (("ing", "en"), ("heid", ""), ("lijk", ""), ("lijkheid", ""), ("ingen", "en"))


@functools.lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    return analysis.normalise(simplemma.lemmatize(word, lang=LANGUAGE))


@functools.lru_cache(maxsize=50_000)
def is_dutch_word(word: str) -> bool:
    return bool(simplemma.is_known(word, lang=LANGUAGE))


@functools.cache
def _english():
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=50_000)
def english_stem(word: str) -> str:
    return _english().stemWord(word)


def derivations(word: str) -> list[str]:
    """Other forms of a word to try when the index does not know it: its lemma, the word
    without a derivational prefix or suffix, and their lemmas ("vereenzaming" ->
    "vereenzamen", "eenzamen" -> "eenzaam")."""
    forms = [lemma(word)]
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            forms.append(word[: -len(suffix)] + replacement)
    for form in [*forms, word]:
        for prefix in PREFIXES:
            if form.startswith(prefix) and len(form) - len(prefix) >= 4:
                forms.append(form[len(prefix) :])
    forms += [lemma(f) for f in forms]
    return [f for f in dict.fromkeys(forms) if f and f != word]


LINKS = ("", "s", "e", "en")
MIN_SPLIT_PART = 3


def compound_splits(word: str) -> list[tuple[str, str]]:
    """Ways to read an unknown word as two Dutch words ("naailes" -> naai + les), longest
    head first. Linking letters between them ("s", "e", "en") are allowed."""
    found = []
    for cut in range(len(word) - MIN_SPLIT_PART, MIN_SPLIT_PART - 1, -1):
        head = word[:cut]
        for link in LINKS:
            tail = word[cut:]
            if link and not tail.startswith(link):
                continue
            tail = tail[len(link) :]
            if len(tail) >= MIN_SPLIT_PART and is_dutch_word(head) and is_dutch_word(tail):
                found.append((head, tail))
    return found


@functools.lru_cache(maxsize=50_000)
def word_keys(word: str) -> frozenset[str]:
    dutch = {analysis.stem(word), analysis.stem(lemma(word))}
    return frozenset({*(f"nl:{s}" for s in dutch), f"en:{english_stem(word)}"})


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (for word lists in code)."""
    return frozenset(text.split())
