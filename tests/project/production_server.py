"""Real production processes for tests: gunicorn with the production settings and the
documented environment, on a SQLite file shared by several processes."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / "deploy" / "production.env.example"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def documented_environment() -> dict[str, str]:
    """The uncommented lines of deploy/production.env.example."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _sep, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def production_environment(tmp: Path, **overrides) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(documented_environment())
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        SEARCH_SNAPSHOT_DIR=str(tmp / "cache" / "search"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    env.update(overrides)
    return env


def manage(env: dict, *args: str, timeout: int = 600) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str


@dataclass
class Server:
    port: int
    process: subprocess.Popen

    def request(self, method, path, *, body=None, headers=None, https=True) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = {"X-Forwarded-Proto": "https"} if https else {}
        all_headers.update(headers or {})
        connection.request(method, path, body=body, headers=all_headers)
        answer = connection.getresponse()
        response = Response(answer.status, answer.headers, answer.read().decode())
        connection.close()
        return response

    def get(self, path, **kw) -> Response:
        return self.request("GET", path, **kw)

    def login(self, path: str, username: str, password: str, address: str) -> Response:
        """Post a login form as a browser does: CSRF cookie and token, same-origin Referer."""
        form = self.get(path, headers={"X-Real-IP": address})
        cookie = re.search(r"csrftoken=([^;]+)", form.headers.get("Set-Cookie", ""))[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)[1]
        return self.request(
            "POST",
            path,
            body=urlencode(
                {"username": username, "password": password, "csrfmiddlewaretoken": token}
            ),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"https://127.0.0.1:{self.port}{path}",
                "X-Real-IP": address,
            },
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_gunicorn(env: dict, *, workers: int = 1, threads: int = 2, log=None) -> Server:
    port = free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
            "GUNICORN_ACCESS_LOG": "",
        },
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )
    server = Server(port, process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if server.get("/health/", https=False).status in (200, 503):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("gunicorn did not start")


def prepare_site(env: dict) -> None:
    """Migrate, create the cache table, load the demo data, index it, collect static files."""
    manage(env, "migrate", "--no-input")
    manage(env, "createcachetable")
    manage(env, "load_demo_data")
    manage(env, "rebuild_search_index")
    manage(env, "collectstatic", "--no-input")
