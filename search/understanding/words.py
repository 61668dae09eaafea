"""The question as a list of normalised words, of which parts can be claimed.

Each recogniser (place, time, person) claims the words it understood; what nobody claimed
is the text that is matched against the services.
"""

from __future__ import annotations

import re

from .. import analysis
from ..lexicon import wordset

__all__ = ["Words", "wordset"]

_RAW_WORD_RE = re.compile(r"[a-z0-9]+")


class Words:
    def __init__(self, text: str):
        self.words: list[str] = _RAW_WORD_RE.findall(analysis.normalise(text))
        self.claimed: set[int] = set()

    def __len__(self) -> int:
        return len(self.words)

    def free(self, index: int) -> bool:
        return 0 <= index < len(self.words) and index not in self.claimed

    def claim(self, *indexes: int) -> None:
        self.claimed.update(i for i in indexes if 0 <= i < len(self.words))

    def find(self, phrase: tuple[str, ...]) -> list[int]:
        """Start positions where the unclaimed words spell ``phrase``."""
        size = len(phrase)
        return [
            i
            for i in range(len(self.words) - size + 1)
            if tuple(self.words[i : i + size]) == phrase
            and all(self.free(j) for j in range(i, i + size))
        ]

    def content_count(self) -> int:
        stop = analysis.stopwords()
        return sum(1 for w in self.words if w not in stop)

    def rest(self) -> str:
        return " ".join(w for i, w in enumerate(self.words) if i not in self.claimed)
