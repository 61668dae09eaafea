"""Search quality on the demo catalogue, through /api/zoeken/, as part of `make test`.

The judged questions come from ../shared/search-eval/dev.tsv when that checkout is next to
this one (a copy lives in tests/search/data/dev.tsv for machines without it); the scoring
is the same as ../shared/search-eval/evaluate.py: success@5 and MRR@10.
heldout.tsv holds other questions, so the vocabulary cannot just learn the dev answers.
"""

import pytest

from tests.search.helpers import DATA
from tests.search.judged import evaluate, load, path_of

DEV = path_of("dev")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "min_success", "min_mrr"),
    [(DEV, 0.95, 0.80), (DATA / "heldout.tsv", 0.90, 0.75)],
    ids=["dev", "heldout"],
)
def test_judged_questions_on_the_demo_catalogue(demo, client, path, min_success, min_mrr):
    cases = load(path)
    assert len(cases) >= 30
    score = evaluate(client, cases)
    success, mrr, misses = score.success, score.mrr, score.misses
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


def test_dev_copy_matches_the_shared_set_and_names_only_demo_services():
    """The copy in tests/search/data is what machines without ../shared score; it must not
    fall behind the shared set (the second-round services are judged there too)."""
    import json

    from django.conf import settings

    from tests.search.judged import SHARED_DEV

    copy = DATA / "dev.tsv"
    if SHARED_DEV.exists():
        assert copy.read_text(encoding="utf-8") == SHARED_DEV.read_text(encoding="utf-8")
    catalogue = json.loads(
        (settings.BASE_DIR / "fixtures" / "demo" / "catalogue.json").read_text(encoding="utf-8")
    )
    slugs = {service["slug"] for service in catalogue["services"]}
    judged = set().union(*(answers for _, answers in load(copy)))
    assert judged <= slugs, judged - slugs
    assert {"regiotaxi", "consultatiebureau", "taalhuis-bibliotheek"} <= judged
