"""Dutch text analysis shared by the embedded engine and (as configuration) Elasticsearch.

The pipeline, for documents and questions alike:

1. ``normalise``: drop control characters (NUL included), fold accents ("financiële" ->
   "financiele"), lower case.
2. ``words``: runs of letters and digits; single letters are dropped.
3. stop words (``data/stopwords.txt``) are removed.
4. compounds are split with a curated list of sub-words (``data/compounds.txt``); the whole
   word is kept and its parts are added.
5. every word is stemmed: first ``data/stemmer_overrides.txt``, otherwise the pinned Snowball
   ``dutch_porter`` algorithm. Not Snowball's newer ``dutch``: it over-stems, for example
   "gemeente" -> "meen".

Everything here is pure Python with no database access; files are read on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"
STEMMER_ALGORITHM = "dutch_porter"
MIN_COMPOUND_LENGTH = 6
MIN_PART_LENGTH = 3
LINKING_LETTERS = ("s", "en", "e")
# Marks the end of a phrase in stored token streams, so a phrase boost never spans two
# "helps with" sentences. Not a word character, so full-text tokenizers ignore it.
BOUNDARY = "."

_WORD_RE = re.compile(r"[a-z0-9]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _read_lines(name: str) -> list[str]:
    lines = []
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip()
            if line:
                lines.append(line)
    return lines


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(normalise(word) for word in _read_lines("stopwords.txt"))


@functools.cache
def stemmer_overrides() -> dict[str, str]:
    overrides = {}
    for line in _read_lines("stemmer_overrides.txt"):
        word, _, stem = line.partition("=>")
        if not stem.strip():
            raise ValueError(f"stemmer_overrides.txt: expected 'word => stem', got {line!r}")
        overrides[normalise(word).strip()] = normalise(stem).strip()
    return overrides


@functools.cache
def compound_parts() -> frozenset[str]:
    parts = frozenset(normalise(word) for word in _read_lines("compounds.txt"))
    short = sorted(p for p in parts if len(p) < MIN_PART_LENGTH)
    if short:
        raise ValueError(f"compounds.txt: parts shorter than {MIN_PART_LENGTH} letters: {short}")
    return parts


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer(STEMMER_ALGORITHM)


class _WithoutCombining(dict):
    """A ``str.translate`` table that drops combining marks (the accents NFKD split off)
    and keeps every other character; filled per character on first sight."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_COMBINING = _WithoutCombining()


def normalise(text: str) -> str:
    """Lower case, accents folded, control characters replaced by spaces."""
    text = _CONTROL_RE.sub(" ", text or "")
    if not text.isascii():  # ASCII has nothing to decompose or fold
        text = unicodedata.normalize("NFKD", text).translate(_WITHOUT_COMBINING)
    return text.lower()


def words(text: str) -> list[str]:
    """The words of a text, normalised; stop words are kept (see ``content_words``)."""
    return [w for w in _WORD_RE.findall(normalise(text)) if len(w) > 1 or w.isdigit()]


def content_words(text: str) -> list[str]:
    stop = stopwords()
    return [w for w in words(text) if w not in stop]


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    override = stemmer_overrides().get(word)
    if override is not None:
        return override
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Sub-words of a compound, nested parts included; () when the word is no compound.

    "schuldhulpverlening" -> ("schuld", "hulpverlening", "hulp", "verlening").
    """
    if len(word) < MIN_COMPOUND_LENGTH:
        return ()
    parts = compound_parts()
    longest = max(map(len, parts), default=0)
    # best[i]: (number of parts, number of linking letters, pieces) for word[:i]
    best: dict[int, tuple[int, int, tuple[str, ...]]] = {0: (0, 0, ())}
    for start in range(len(word)):
        if start not in best:
            continue
        count, links, pieces = best[start]
        for end in range(start + MIN_PART_LENGTH, min(len(word), start + longest) + 1):
            piece = word[start:end]
            if piece not in parts or (start == 0 and end == len(word)):
                continue
            _keep_best(best, end, (count + 1, links, (*pieces, piece)))
            for link in LINKING_LETTERS:
                after = end + len(link)
                if word.startswith(link, end) and after < len(word):
                    _keep_best(best, after, (count + 1, links + 1, (*pieces, piece)))
    found = best.get(len(word))
    if found is None or found[0] < 2:
        return ()
    result: list[str] = []
    for piece in found[2]:
        result.append(piece)
        result.extend(p for p in split_compound(piece) if p not in result)
    return tuple(result)


def _keep_best(best, position, candidate) -> None:
    current = best.get(position)
    # Fewer parts, then fewer linking letters, then longer leading parts win.
    key = (candidate[0], candidate[1], [-len(p) for p in candidate[2]])
    if current is None or key < (current[0], current[1], [-len(p) for p in current[2]]):
        best[position] = candidate


@dataclass(frozen=True, slots=True)
class Token:
    """One content word: its surface form, its stem and the stems of its compound parts."""

    word: str
    stem: str
    parts: tuple[str, ...] = ()


@functools.lru_cache(maxsize=20_000)
def analyse_word(word: str) -> Token:
    parts = tuple(dict.fromkeys(stem(p) for p in split_compound(word)))
    main = stem(word)
    return Token(word=word, stem=main, parts=tuple(p for p in parts if p != main))


def analyse(text: str) -> list[Token]:
    """Content words of a text, analysed. The order of the words is kept."""
    return [analyse_word(w) for w in content_words(text)]


def stems(text: str) -> list[str]:
    """Main stems only, in order (no compound parts): used for synonym rules and phrases."""
    return [token.stem for token in analyse(text)]


def index_stream(texts: list[str] | str) -> str:
    """The stored, pre-analysed form of a field: stems in order, then compound parts.

    Several texts (the "helps with" sentences) are separated by BOUNDARY so a phrase never
    runs from one sentence into the next. Compound parts follow after a final BOUNDARY.
    """
    if isinstance(texts, str):
        texts = [texts]
    return stream_of_words([content_words(text) for text in texts])


def stream_of_words(texts: list[list[str]]) -> str:
    """``index_stream`` of texts already split into their content words."""
    sequence: list[str] = []
    extra: list[str] = []
    for text in texts:
        tokens = [analyse_word(w) for w in text]
        if not tokens:
            continue
        if sequence:
            sequence.append(BOUNDARY)
        for token in tokens:
            sequence.append(token.stem)
            extra.extend(token.parts)
    if extra:
        sequence.append(BOUNDARY)
        sequence.extend(extra)
    return " ".join(sequence)


def parse_stream(stream: str) -> tuple[list[str], list[str]]:
    """(sequence with BOUNDARY markers, all terms for counting) of a stored field."""
    tokens = stream.split()
    return tokens, [t for t in tokens if t != BOUNDARY]


def is_safe_term(term: str) -> bool:
    """True for a term our analysis can produce; only such terms reach an FTS query."""
    return bool(_WORD_RE.fullmatch(term))
