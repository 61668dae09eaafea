import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_production_check(**env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE="sociale_kaart.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_production_check()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_settings_from_the_environment():
    result = run_production_check(SECRET_KEY="x" * 50, ALLOWED_HOSTS="sociale-kaart.example.org")
    assert result.returncode == 0, result.stderr
