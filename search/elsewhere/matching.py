"""Find the topic of a question that is arranged outside this site.

A topic matches when one of its triggers occurs in the question (every word of the trigger,
in any order, compared by Dutch and English stem) and the question asks nothing else that
the services know: the words left over, after the trigger, the topic's own context words
and common filler ("aanvragen", "kwijt", "hoe"), must all be words the index does not know.
"Ik heb geen rijbewijs meer en moet naar het ziekenhuis" therefore still finds AutoMaatje.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .. import analysis, freshness, lexicon
from ..lexicon import wordset
from .models import ElsewhereTopic, split

FILLER = wordset(
    """aanvragen aanvraag verlengen vernieuwen nieuw nieuwe kwijt verloren verlopen doen
    regelen melden melding doorgeven hulp help nodig waar hoe wat wanneer kan kun kunnen moet
    moeten wil willen graag snel laten ophalen maken krijgen halen bellen betalen kosten
    iemand persoon gisteren vandaag gebeurd gebeurt heb hebben ben informatie info vraag
    vragen zoek zoeken apply application renew renewal new lost need help how where what
    when can report someone having get please my is are have has do does want find"""
)


@dataclass(frozen=True)
class CompiledTopic:
    topic: dict
    triggers: tuple[tuple[frozenset[str], ...], ...]  # per trigger, per word: its keys
    words: frozenset[str]  # keys of all trigger and context words


def keys(word: str) -> frozenset[str]:
    """A word's comparison keys: its Dutch stem, its English stem, its lemma's stem."""
    return lexicon.word_keys(word)


def _phrase_keys(phrase: str) -> list[frozenset[str]]:
    return [keys(w) for w in analysis.content_words(phrase)]


def compile_topic(topic: ElsewhereTopic) -> CompiledTopic:
    triggers: list[tuple[frozenset[str], ...]] = []
    words: set[str] = set()
    for phrase in split(topic.triggers):
        parts = _phrase_keys(phrase)
        if parts:
            triggers.append(tuple(parts))
            words.update(*parts)
    for phrase in split(topic.context_words):
        words.update(*_phrase_keys(phrase))
    return CompiledTopic(topic.to_dict(), tuple(triggers), frozenset(words))


_lock = threading.Lock()
_cache: dict = {"version": None, "topics": ()}


def _checks() -> list:
    topics = ElsewhereTopic.objects.all()
    return [freshness.count(topics), freshness.latest(topics, "updated_at")]


freshness.register("elsewhere", _checks)


def _version() -> tuple:
    return freshness.version("elsewhere")


def topics() -> tuple[CompiledTopic, ...]:
    version = _version()
    with _lock:
        if _cache["version"] != version:
            compiled = tuple(compile_topic(t) for t in ElsewhereTopic.objects.all())
            _cache.update(version=version, topics=compiled)
        return _cache["topics"]


def reset() -> None:
    with _lock:
        _cache.update(version=None, topics=())


@functools.cache
def _filler_keys() -> frozenset[str]:
    return frozenset().union(*(keys(w) for w in FILLER))


def _trigger_found(trigger, question: list[frozenset[str]]) -> bool:
    return all(any(part & word for word in question) for part in trigger)


def match(question: str, rest: str, known: Callable[[str], bool] | None = None) -> dict | None:
    """The topic (as a dict for the API) that ``question`` is about, or None.

    ``rest`` is the question without the words query understanding claimed (place, time);
    ``known(word)`` tells whether the services' index knows a word.
    """
    words = [keys(w) for w in analysis.content_words(question)]
    if not words:
        return None
    best: tuple[int, int, CompiledTopic] | None = None
    for order, topic in enumerate(topics()):
        found = [t for t in topic.triggers if _trigger_found(t, words)]
        if not found:
            continue
        size = max(len(t) for t in found)
        if best is None or (size, -order) > (best[0], best[1]):
            best = (size, -order, topic)
    if best is None:
        return None
    topic = best[2]
    belongs = topic.words | _filler_keys()
    for word in analysis.content_words(rest):
        word_keys = keys(word)
        if word_keys & belongs:
            continue
        if known is None or known(word):
            return None  # the question also asks something the services answer
    return topic.topic
