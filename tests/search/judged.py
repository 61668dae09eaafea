"""Judged question sets and their scores (success@5, MRR@10), shared by the quality tests.

The sets in tests/search/data/ are tab-separated: a question, then the slugs that answer it
(any one in the top 5 counts as found). ``elsewhere.tsv`` instead names where the question
belongs (gemeente, huisartsenpost, 112, politie, other); it scores how often the site answers
with no services and a pointer elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.search.helpers import DATA

RANKED_SETS = ("dev", "heldout", "fresh-dev", "fresh-heldout", "english", "vocabulary")
ALL_SETS = (*RANKED_SETS, "elsewhere")


def load(path: Path) -> list[tuple[str, set[str]]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, _, answers = line.partition("\t")
        cases.append((question, {s.strip() for s in answers.split(",") if s.strip()}))
    return cases


SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "search-eval" / "dev.tsv"


def path_of(name: str) -> Path:
    """The set's file; dev.tsv is read from ../shared/search-eval/ when that checkout is there."""
    if name == "dev" and SHARED_DEV.exists():
        return SHARED_DEV
    return DATA / f"{name}.tsv"


def all_questions() -> list[tuple[str, str]]:
    """(set name, question) for every judged question of every set."""
    return [(name, q) for name in ALL_SETS for q, _ in load(path_of(name))]


@dataclass
class Score:
    success: float
    mrr: float
    misses: list = field(default_factory=list)

    def __str__(self):
        return f"success@5={self.success:.3f} mrr={self.mrr:.3f}"


def evaluate(client, cases, k=5, lang: str | None = None) -> Score:
    """``lang``: ask in that language (``?lang=en``); None: the API's default, Dutch."""
    found, reciprocal, misses = 0, 0.0, []
    extra = {"lang": lang} if lang else {}
    for question, relevant in cases:
        response = client.get("/api/zoeken/", {"q": question, **extra})
        assert response.status_code == 200
        ranked = [r["slug"] for r in response.json()["results"]][:10]
        rank = next((i + 1 for i, slug in enumerate(ranked) if slug in relevant), None)
        found += rank is not None and rank <= k
        reciprocal += 1 / rank if rank else 0.0
        if rank is None or rank > k:
            misses.append((question, ranked[:k]))
    return Score(found / len(cases), reciprocal / len(cases), misses)


def evaluate_elsewhere(client, cases) -> Score:
    """Share of questions answered with no services and a pointer; MRR: the right kind."""
    pointed, right_kind, misses = 0, 0, []
    for question, kinds in cases:
        body = client.get("/api/zoeken/", {"q": question}).json()
        elsewhere = body.get("elsewhere")
        ok = bool(elsewhere) and not body["results"]
        pointed += ok
        right_kind += ok and elsewhere.get("kind") in kinds
        if not ok:
            misses.append((question, [r["slug"] for r in body["results"]][:5]))
    return Score(pointed / len(cases), right_kind / len(cases), misses)
