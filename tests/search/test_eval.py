"""Search quality on the demo catalogue, through /api/zoeken/, as part of `make test`.

The judged questions come from ../shared/search-eval/dev.tsv when that checkout is next to
this one (a copy lives in tests/search/data/dev.tsv for machines without it); the scoring
is the same as ../shared/search-eval/evaluate.py: success@5 and MRR@10.
heldout.tsv holds other questions, so the vocabulary cannot just learn the dev answers.
"""

from pathlib import Path

import pytest
from django.conf import settings

from tests.search.helpers import DATA

SHARED_DEV = Path(settings.BASE_DIR).parent / "shared" / "search-eval" / "dev.tsv"
DEV = SHARED_DEV if SHARED_DEV.exists() else DATA / "dev.tsv"

pytestmark = pytest.mark.django_db


def load(path: Path) -> list[tuple[str, set[str]]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, _, answers = line.partition("\t")
        cases.append((question, {s.strip() for s in answers.split(",") if s.strip()}))
    return cases


def evaluate(client, cases, k=5):
    found, reciprocal, misses = 0, 0.0, []
    for question, relevant in cases:
        response = client.get("/api/zoeken/", {"q": question})
        assert response.status_code == 200
        ranked = [r["slug"] for r in response.json()["results"]][:10]
        rank = next((i + 1 for i, slug in enumerate(ranked) if slug in relevant), None)
        found += rank is not None and rank <= k
        reciprocal += 1 / rank if rank else 0.0
        if rank is None or rank > k:
            misses.append((question, ranked[:k]))
    return found / len(cases), reciprocal / len(cases), misses


@pytest.mark.parametrize(
    ("path", "min_success", "min_mrr"),
    [(DEV, 0.95, 0.80), (DATA / "heldout.tsv", 0.90, 0.75)],
    ids=["dev", "heldout"],
)
def test_judged_questions_on_the_demo_catalogue(demo, client, path, min_success, min_mrr):
    cases = load(path)
    assert len(cases) >= 30
    success, mrr, misses = evaluate(client, cases)
    print(f"\n{path.name}: success@5={success:.3f} mrr={mrr:.3f} misses={misses}")
    assert success >= min_success, misses
    assert mrr >= min_mrr, misses


def test_demo_answers_with_distance_and_open_now(demo, client):
    body = client.get("/api/zoeken/", {"q": "loket", "postcode": "1421AB"}).json()
    located = [r for r in body["results"] if r["distance_m"] is not None]
    assert located and all(r["distance_m"] < 5000 for r in located)
    ordered = client.get(
        "/api/zoeken/", {"q": "inloopspreekuur", "postcode": "1424", "sorteer": "afstand"}
    ).json()["results"]
    distances = [r["distance_m"] for r in ordered if r["distance_m"] is not None]
    assert distances == sorted(distances)
    assert any(r["next_session"] for r in body["results"])
