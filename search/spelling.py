"""Typo tolerance: find the known word closest to a misspelt one.

Known words are the words of the indexed services plus every word of the vocabulary
(synonym files and editors' synonyms), so a misspelt everyday word ("huurr") is corrected
to a word that has synonyms ("huur") and then expands like the real word.

Candidates come from a trigram index; the distance is the optimal string alignment
(Damerau-Levenshtein with adjacent swaps). Words up to 4 letters are never corrected,
5 to 7 letters allow one edit, longer words two.
"""

from __future__ import annotations

from collections import defaultdict


def max_edits(word: str) -> int:
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 7 else 2


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 when it is larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Corrector:
    def __init__(self, frequencies: dict[str, int]):
        self.frequencies = frequencies
        self._by_trigram: dict[str, list[str]] = defaultdict(list)
        for word in frequencies:
            if len(word) > 4:
                for gram in _trigrams(word):
                    self._by_trigram[gram].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    def correct(self, word: str) -> str | None:
        """The closest known word, or None when the word is known or nothing is close."""
        limit = max_edits(word)
        if not limit or word in self.frequencies or not word.isalpha():
            return None
        grams = _trigrams(word)
        shared: dict[str, int] = defaultdict(int)
        for gram in grams:
            for candidate in self._by_trigram.get(gram, ()):
                shared[candidate] += 1
        # Each edit destroys at most three trigrams.
        needed = max(1, len(grams) - 3 * limit)
        best: tuple[int, int, str] | None = None
        for candidate, count in shared.items():
            if count < needed or abs(len(candidate) - len(word)) > limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            key = (distance, -self.frequencies[candidate], candidate)
            if best is None or key < best:
                best = key
        return best[2] if best else None
