"""The import contracts in pyproject.toml ([tool.importlinter]) hold: layers point one way,
the two search engines do not import each other, shared libraries need no CMS."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_migrations_import_no_application_code():
    """A migration that imports live code breaks a fresh `migrate` once that code changes."""
    ours = ("agenda", "cms", "editorial", "kaart", "places", "search", "wegwijzer")
    offenders = []
    # editorial (roles) and wegwijzer (default questions, StreamField blocks) still do.
    for path in sorted(
        p for app in ("cms", "search", "kaart") for p in ROOT.glob(f"{app}/migrations/0*.py")
    ):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if words[:1] in (["import"], ["from"]) and words[1].split(".")[0] in ours:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == [], offenders
