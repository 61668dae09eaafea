"""Migrations freeze what they need: they never import live application code.

A migration that imports our models, blocks or helpers breaks the day that code changes (or
replays today's code on yesterday's schema). Only Django, Wagtail and their libraries, the
standard library and other migration modules may be imported, also inside functions and via
importlib.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = {
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name not in {"tests", "benchmarks"}
}
THIRD_PARTY = {"django", "wagtail", "taggit", "modelcluster", "modelsearch", "treebeard"}
MIGRATION_FILES = sorted(p for p in ROOT.glob("*/migrations/*.py") if p.name != "__init__.py")


def imported_modules(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append(node.args[0].value)
    return found


def forbidden(module: str) -> bool:
    if module.startswith("."):
        return True  # relative import: reaches into the app package
    top = module.split(".")[0]
    if top in THIRD_PARTY or top in sys.stdlib_module_names:
        return False
    if top in OUR_PACKAGES:
        return module.split(".")[1:2] != ["migrations"]
    return True  # an unknown library: add it to THIRD_PARTY deliberately


def test_every_app_with_migrations_is_checked():
    apps = {path.parent.parent.name for path in MIGRATION_FILES}
    assert {"cms", "editorial", "search", "wegwijzer"} <= apps
    assert apps <= OUR_PACKAGES


@pytest.mark.parametrize("path", MIGRATION_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_migration_imports_no_live_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [module for module in imported_modules(tree) if forbidden(module)]
    assert bad == [], f"{path.relative_to(ROOT)} imports live code: {bad}"


def test_the_check_sees_imports_inside_functions_and_importlib():
    source = (
        "import wagtail.fields\n"
        "def seed(apps, schema_editor):\n"
        "    from editorial.roles import apply_roles\n"
        "    importlib.import_module('cms.models')\n"
        "    importlib.import_module('search.migrations.0002_fulltext')\n"
    )
    bad = [m for m in imported_modules(ast.parse(source)) if forbidden(m)]
    assert bad == ["editorial.roles", "cms.models"]
