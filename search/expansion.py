"""Turn a question into weighted concepts: the words typed, plus what they may also mean.

Each content word of the question becomes a *concept*. A concept is satisfied by any of its
*alternatives*, each a group of stems that must all occur, with a weight:

* the word itself (1.0);
* its compound parts together (0.8): "schuldhulpverlening" -> schuld + hulp + verlening;
* synonyms from the vocabulary (0.8; 0.9 for a phrase like "geen geld"; 0.5 for the
  synonyms of a compound's parts);
* another form of the word from the lexicon (0.95): its lemma ("brengt" -> "brengen") or a
  derivation ("vereenzaming" -> "eenzaam"), when the index or the vocabulary knows that form;
* English words (0.9): the Dutch words the English vocabulary gives them, for words that
  are not Dutch or for every word of an English question (whose function words are dropped);
* a spelling correction and its synonyms (0.85 of the above) when the word is unknown and
  not a Dutch word either ("nacht" is never corrected);
* asked in English (``language="en"``: the English site, ``?lang=en``), the word's English
  term (1.0), found in the English translations' texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import analysis, english, lexicon
from .spelling import Corrector
from .synonyms import SynonymMap

EXACT = 1.0
COMPOUND = 0.8
SYNONYM = 0.8
PHRASE_SYNONYM = 0.9
PART_SYNONYM = 0.5
CORRECTED = 0.85
LEXICON = 0.95
ENGLISH = 0.9
MAX_CONCEPTS = 12  # longer questions are cut: the first words carry the meaning


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]
    weight: float
    kind: str = "exact"


@dataclass
class Concept:
    word: str
    stem: str
    alternatives: list[Alternative] = field(default_factory=list)

    def add(self, terms: tuple[str, ...], weight: float, kind: str) -> None:
        for i, existing in enumerate(self.alternatives):
            if existing.terms == terms:
                if weight > existing.weight:
                    self.alternatives[i] = Alternative(terms, weight, kind)
                return
        self.alternatives.append(Alternative(terms, weight, kind))

    @property
    def terms(self) -> set[str]:
        return {t for a in self.alternatives for t in a.terms}


@dataclass
class AnalysedQuery:
    text: str
    concepts: list[Concept]
    corrections: dict[str, str]  # misspelt word -> correction

    @property
    def stems(self) -> list[str]:
        return [c.stem for c in self.concepts]

    @property
    def terms(self) -> set[str]:
        return {t for c in self.concepts for t in c.terms}

    @property
    def suggestion(self) -> str | None:
        """The question with misspelt words replaced ("bedoelde u ...?")."""
        if not self.corrections:
            return None
        return " ".join(self.corrections.get(w, w) for w in analysis.words(self.text))


class Knowledge:
    """What the index knows: stems with documents, and a spelling corrector."""

    def __init__(self, known_stems, corrector: Corrector):
        self.known_stems = known_stems
        self.corrector = corrector

    def knows(self, token: analysis.Token, synonyms: SynonymMap, language: str = "nl") -> bool:
        if token.stem in self.known_stems or (token.stem,) in synonyms.expansions:
            return True
        if language == "en" and english.term(token.word) in self.known_stems:
            return True
        return bool(token.parts) and all(p in self.known_stems for p in token.parts)


def expand(
    text: str,
    synonyms: SynonymMap,
    knowledge: Knowledge | None = None,
    language: str = "nl",
) -> AnalysedQuery:
    all_words = analysis.words(text)
    is_english = english.is_english(all_words)
    tokens = analysis.analyse(text)
    translations = _translations(all_words, tokens)
    if is_english:
        kept = [i for i, t in enumerate(tokens) if t.word not in english.STOPWORDS]
        if kept:
            tokens = [tokens[i] for i in kept]
            translations = {n: translations[i] for n, i in enumerate(kept) if i in translations}
    tokens = tokens[:MAX_CONCEPTS]
    concepts = [Concept(t.word, t.stem) for t in tokens]
    corrections: dict[str, str] = {}
    for position, (token, concept) in enumerate(zip(tokens, concepts, strict=True)):
        _add_word(concept, token, synonyms, 1.0)
        if language == "en":
            concept.add((english.term(token.word),), EXACT, "exact")
        known = knowledge is None or knowledge.knows(token, synonyms, language)
        if not known:
            known = _add_other_forms(concept, token, synonyms, knowledge)
        dutch = lexicon.is_dutch_word(token.word)
        if position in translations and (is_english or not dutch or not known):
            for target in translations[position]:
                concept.add(target, ENGLISH, "english")
            known = True
        if not known and not dutch:
            better = knowledge.corrector.correct(token.word)
            if better:
                corrections[token.word] = better
                _add_word(concept, analysis.analyse_word(better), synonyms, CORRECTED)
    _add_phrase_synonyms(concepts, synonyms)
    return AnalysedQuery(text=text, concepts=concepts, corrections=corrections)


def _translations(all_words: list[str], tokens: list[analysis.Token]) -> dict[int, set]:
    """English phrases over all words (stop words included: "no income", "caring for"),
    handed to the content words (tokens) they cover."""
    found = english.lookup(all_words)
    result: dict[int, set] = {}
    position = 0
    for index, token in enumerate(tokens):
        while position < len(all_words) and all_words[position] != token.word:
            position += 1
        targets = found.get(position)
        if targets:
            result[index] = targets
        position += 1
    return result


def _add_other_forms(concept, token, synonyms, knowledge: Knowledge) -> bool:
    """Lemma, derivations or a two-word reading of an unknown word; True when known."""
    for form in lexicon.derivations(token.word):
        other = analysis.analyse_word(form)
        if knowledge.knows(other, synonyms):
            _add_word(concept, other, synonyms, LEXICON)
            return True
    for head, tail in lexicon.compound_splits(token.word):
        parts = []
        for piece in (head, tail):
            forms = [piece, lexicon.lemma(piece)]
            known = [analysis.stem(f) for f in forms if analysis.stem(f) in knowledge.known_stems]
            if not known:
                break
            parts.append(known[0])
        else:
            concept.add(tuple(parts), COMPOUND, "compound")
            return True
    return False


def _add_word(concept: Concept, token: analysis.Token, synonyms: SynonymMap, factor: float):
    kind = "exact" if factor == 1.0 else ("lexicon" if factor == LEXICON else "corrected")
    concept.add((token.stem,), EXACT * factor, kind)
    for target in synonyms.lookup((token.stem,)):
        concept.add(target, SYNONYM * factor, "synonym")
    if token.parts:
        concept.add(token.parts, COMPOUND * factor, "compound")
        if factor < LEXICON:
            return  # a corrected word's parts would add more noise than meaning
        for part in token.parts:
            for target in synonyms.lookup((part,)):
                concept.add(target, PART_SYNONYM * factor, "synonym")


def _add_phrase_synonyms(concepts: list[Concept], synonyms: SynonymMap) -> None:
    """Multi-word rules ("geen geld"): every concept in the matched span gets the targets."""
    stems = [c.stem for c in concepts]
    for size in range(2, min(synonyms.longest, len(stems)) + 1):
        for start in range(len(stems) - size + 1):
            targets = synonyms.lookup(tuple(stems[start : start + size]))
            for concept in concepts[start : start + size]:
                for target in targets:
                    concept.add(target, PHRASE_SYNONYM, "synonym")
