"""Restore drill on PostgreSQL: fill a database, back it up with deploy/backup.sh, drop it,
restore it with deploy/restore.sh, and check that the API serves the same JSON as before
(and that the media files came back). Run by .ci/run after the PostgreSQL suite:

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/x PGBIN=/usr/lib/postgresql/15/bin \\
        .venv/bin/python .ci/restore_drill.py
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.project.production_server import (  # noqa: E402
    manage,
    production_environment,
    start_gunicorn,
)

DRILL_DB = "sociale_kaart_restore_drill"
ENDPOINTS = [
    "/api/voorzieningen/",
    "/api/voorzieningen/schuldhulpverlening/",
    "/api/voorzieningen/sociaal-loket/",
    "/api/wijken/",
    "/api/loketten/",
    "/api/zoeken/?q=schulden",
    "/api/kaart.geojson?thema=geld",
]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def admin(url: str, sql: str) -> None:
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(sql)


def snapshot(env: dict) -> dict:
    server = start_gunicorn(env)
    try:
        answers = {}
        for path in ENDPOINTS:
            response = server.get(path, https=False)
            assert response.status == 200, (path, response.status, response.body[:300])
            answers[path] = json.loads(response.body)
        services = answers["/api/voorzieningen/"]["results"]
        assert services, "the drill database has no services"
        return answers
    finally:
        server.stop()


def main() -> int:
    base = os.environ["DATABASE_URL"]
    pgbin = Path(os.environ.get("PGBIN", "/usr/bin"))
    drill_url = with_database(base, DRILL_DB)
    work = Path(tempfile.mkdtemp(prefix="sociale-kaart-drill-"))
    env = production_environment(
        work, DATABASE_URL=drill_url, SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0"
    )
    env.update(PG_DUMP=str(pgbin / "pg_dump"), PG_RESTORE=str(pgbin / "pg_restore"))
    admin(base, f'DROP DATABASE IF EXISTS "{DRILL_DB}" WITH (FORCE)')
    admin(base, f'CREATE DATABASE "{DRILL_DB}"')
    try:
        for command in (["migrate", "--no-input"], ["createcachetable"], ["load_demo_data"]):
            manage(env, *command)
        manage(env, "rebuild_search_index")
        media = Path(env["MEDIA_ROOT"]) / "original_images"
        media.mkdir(parents=True)
        (media / "drill.bin").write_bytes(secrets.token_bytes(4096))
        before_media = (media / "drill.bin").read_bytes()
        before = snapshot(env)

        backup = subprocess.run(
            [str(ROOT / "deploy" / "backup.sh"), str(work / "backups")],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        backup_dir = backup.stdout.strip().splitlines()[-1]
        admin(base, f'DROP DATABASE "{DRILL_DB}" WITH (FORCE)')
        shutil.rmtree(env["MEDIA_ROOT"])
        admin(base, f'CREATE DATABASE "{DRILL_DB}"')
        subprocess.run(
            [str(ROOT / "deploy" / "restore.sh"), backup_dir],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip

        after = snapshot(env)
        different = [path for path in ENDPOINTS if before[path] != after[path]]
        assert not different, f"the API answers differently after the restore: {different}"
        assert (media / "drill.bin").read_bytes() == before_media, "media not restored"
        count = before["/api/voorzieningen/"]["count"]
        print(f"restore drill: {len(ENDPOINTS)} API answers identical ({count} services), "
              "media restored")  # fmt: skip
    finally:
        admin(base, f'DROP DATABASE IF EXISTS "{DRILL_DB}" WITH (FORCE)')
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
