"""The English demo texts (fixtures/demo/catalogue.en.json) stay in step with the Dutch
catalogue: every Dutch object has its English twin, no English text without a Dutch one, and
the English is plain (short sentences; phone numbers, amounts and times unchanged)."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

DEMO = Path(settings.BASE_DIR) / "fixtures" / "demo"
KINDS = ("themes", "target_groups", "wijken", "places", "organisations", "services")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def load(name):
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


DUTCH = load("catalogue.json")
ENGLISH = load("catalogue.en.json")


def mismatches(path, dutch, english):
    """Where `english` has a key, item or type that `dutch` lacks, or loses a number."""
    if isinstance(english, dict):
        if not isinstance(dutch, dict):
            return [f"{path}: an object in English, not in Dutch"]
        found = []
        for key, value in english.items():
            if dutch.get(key) in (None, "", []):
                found.append(f"{path}.{key}: no Dutch text to translate")
            else:
                found += mismatches(f"{path}.{key}", dutch[key], value)
        return found
    if isinstance(english, list):
        if not isinstance(dutch, list):
            return [f"{path}: a list in English, not in Dutch"]
        if path.endswith("helps_with"):  # everyday phrasings: same count or a few more
            ok = len(dutch) <= len(english) <= len(dutch) + 3
            return [] if ok else [f"{path}: {len(english)} phrases for {len(dutch)}"]
        if len(dutch) != len(english):
            return [f"{path}: {len(english)} items for {len(dutch)}"]
        pairs = enumerate(zip(dutch, english, strict=True))
        return [m for i, (d, e) in pairs for m in mismatches(f"{path}[{i}]", d, e)]
    if not isinstance(english, str) or not isinstance(dutch, str):
        return [f"{path}: not text"]
    lost = set(NUMBER.findall(dutch)) - set(NUMBER.findall(english))
    return [f"{path}: lost {sorted(lost)}"] if lost else []


@pytest.mark.parametrize("kind", KINDS)
def test_every_dutch_object_has_its_english_texts(kind):
    assert sorted(item["slug"] for item in ENGLISH[kind]) == sorted(
        item["slug"] for item in DUTCH[kind]
    )


@pytest.mark.parametrize("kind", KINDS)
def test_english_texts_match_the_dutch_fields(kind):
    dutch = {item["slug"]: item for item in DUTCH[kind]}
    found = []
    for item in ENGLISH[kind]:
        schedule = item.get("schedule")
        if schedule is not None:  # only the exceptions' reasons are text
            exceptions = (dutch[item["slug"]].get("schedule") or {}).get("exceptions") or []
            item = {**item, "schedule": {"exceptions": schedule["exceptions"]}}
            dutch_item = {**dutch[item["slug"]], "schedule": {"exceptions": exceptions}}
        else:
            dutch_item = dutch[item["slug"]]
        found += mismatches(f"{kind}/{item['slug']}", dutch_item, item)
    assert found == []


def test_the_fixed_pages_and_elsewhere_topics_exist_in_dutch():
    structure = (Path(settings.BASE_DIR) / "cms" / "site_structure.py").read_text()
    topics = (
        Path(settings.BASE_DIR) / "search" / "migrations" / "0005_elsewhere_starting_topics.py"
    ).read_text()
    assert [slug for slug in ENGLISH["pages"] if f'"{slug}"' not in structure] == []
    assert [t["nl_title"] for t in ENGLISH["elsewhere_topics"] if t["nl_title"] not in topics] == []


def sentences(value):
    if isinstance(value, str):
        plain = re.sub(r"<[^>]+>", " ", value)
        return [s for s in re.split(r"(?<=[.?!])\s+", plain) if s.strip()]
    if isinstance(value, list):
        return [s for item in value for s in sentences(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key != "nl_title" for s in sentences(item)]
    return []


def test_english_sentences_are_short():
    long = [s for s in sentences(ENGLISH) if len(s.split()) > 20]
    assert long == []
