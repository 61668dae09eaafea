"""The production settings with the documented environment, served by real gunicorn
processes: deploy checks, security headers on every public page, one login limit shared by
both logins and all processes, and an edit seen by every process at once."""

import json
import re
import subprocess
import sys

import pytest
from django.core.management import get_commands

from tests.project.production_server import (
    ROOT,
    documented_environment,
    manage,
    prepare_site,
    production_environment,
    start_gunicorn,
)

# Its own site on its own database file, served by gunicorn: the same on any database.
pytestmark = pytest.mark.once

PUBLIC_PAGES = [
    "/",
    "/zoeken/?q=ik+heb+schulden",
    "/zoeken/?q=xyzzyplof",
    "/kaart/?thema=geld",
    "/voorzieningen/",
    "/voorzieningen/schuldhulpverlening/",
    "/voorzieningen/schuldhulpverlening/wijziging/",
    "/loketten/",
    "/wegwijzer/",
    "/wegwijzer/vragen/?thema=geld",
    "/inloggen/",
    "/bestaat-niet/",
    "/zoeken/?pagina=%C2%B2",
    "/api/zoeken/?q=eenzaam",
    "/api/kaart.geojson",
    "/api/voorzieningen/",
]
PDOK = "https://service.pdok.nl"


def deploy_check(tmp_path, **overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=production_environment(tmp_path, **overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_the_documented_environment_prints_no_warnings(tmp_path):
    result = deploy_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_switching_https_off_behind_a_proxy_is_possible_and_reported(tmp_path):
    result = deploy_check(tmp_path, SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    assert "security.W008" in result.stderr and "security.W004" in result.stderr


def test_the_documented_environment_names_what_production_needs():
    env = documented_environment()
    assert env["DJANGO_SETTINGS_MODULE"] == "sociale_kaart.settings.production"
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT"):
        assert name in env


def test_every_cron_job_is_a_real_command():
    lines = (ROOT / "deploy" / "crontab").read_text().splitlines()
    jobs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    commands = {job[6] for job in jobs if job[5].endswith("/manage.sh")}
    assert {"publish_scheduled", "send_review_reminders", "rebuild_search_index"} <= commands
    assert commands <= set(get_commands())
    assert any(job[5].endswith("/backup.sh") for job in jobs)
    for job in jobs:
        assert (ROOT / "deploy" / job[5].rsplit("/", 1)[1]).is_file()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two separate gunicorn processes with the production settings on one database."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_environment(tmp)
    prepare_site(env)
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('chef', 'chef@example.org', 'Een-lang-wachtwoord-1')",
    )
    log = open(tmp / "gunicorn.log", "wb")  # noqa: SIM115
    servers = [start_gunicorn(env, log=log), start_gunicorn(env, log=log)]
    yield env, servers, tmp / "gunicorn.log"
    for server in servers:
        server.stop()
    log.close()


def test_every_public_page_has_the_strict_policy_and_hsts(site):
    _env, (server, _other), _log = site
    for path in PUBLIC_PAGES:
        response = server.get(path)
        assert response.status < 500, (path, response.status)
        header = response.headers["Content-Security-Policy"]
        policy = dict(
            (part.split(" ", 1) + [""])[:2]
            for part in (p.strip() for p in header.split(";"))
            if part
        )
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", path
        assert policy["img-src"] == f"'self' data: {PDOK}", path
        assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'", path
        hsts = response.headers["Strict-Transport-Security"]
        assert hsts == "max-age=31536000; includeSubDomains; preload", path
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"]), path


def test_plain_http_is_redirected_except_the_health_check(site):
    _env, (server, _other), _log = site
    response = server.get("/zoeken/?q=schulden", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://127.0.0.1:{server.port}/zoeken/?q=schulden"
    health = server.get("/health/", https=False)
    assert health.status == 200 and json.loads(health.body)["status"] == "ok"


def test_the_11th_login_is_refused_across_both_logins_and_both_processes(site):
    _env, (one, two), _log = site
    address = "203.0.113.11"
    for number in range(10):
        server, path = (one, "/beheer/login/") if number % 2 else (two, "/inloggen/")
        assert server.login(path, "chef", "fout", address).status == 200
    for server, path in ((one, "/inloggen/"), (two, "/beheer/login/")):
        refused = server.login(path, "chef", "Een-lang-wachtwoord-1", address)
        assert refused.status == 429 and "Te vaak geprobeerd in te loggen" in refused.body
    welcome = two.login("/beheer/login/", "chef", "Een-lang-wachtwoord-1", "203.0.113.12")
    assert welcome.status == 302
    assert any("sessionid=" in c for c in welcome.headers.get_all("Set-Cookie"))


def test_an_edit_is_seen_by_every_process_at_once(site):
    env, servers, _log = site
    for server in servers:  # both processes hold their in-memory search copy now
        assert '"count": 0' in server.get("/api/zoeken/?q=pinguinzorg").body
        assert "Voorbeeldgegevens" in server.get("/").body
    manage(
        env,
        "shell",
        "-c",
        "from cms.models import ServicePage, SiteSettings; from wagtail.models import Site; "
        "page = ServicePage.objects.get(slug='schuldhulpverlening', locale__language_code='nl'); "
        "page.title = 'Schuldhulp en pinguinzorg'; page.save_revision().publish(); "
        "settings = SiteSettings.for_site(Site.objects.get(is_default_site=True)); "
        "settings.example_data = False; settings.save()",
    )
    for server in servers:
        found = json.loads(server.get("/api/zoeken/?q=pinguinzorg").body)
        assert [r["slug"] for r in found["results"]] == ["schuldhulpverlening"]
        item = json.loads(server.get("/api/voorzieningen/schuldhulpverlening/").body)
        assert item["title"] == "Schuldhulp en pinguinzorg"
        assert "Voorbeeldgegevens" not in server.get("/").body


def test_each_worker_loads_the_search_index_before_its_first_request(site):
    """Otherwise the first resident to search in a new (or recycled) worker waits for it. They
    read the snapshot that rebuild_search_index saved, not the whole index table."""
    _env, servers, log = site
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    ready = [line for line in lines if line["message"].startswith("Search ready in this process")]
    assert len(ready) == len(servers), ready
    for line in ready:
        assert line["logger"] == "search.query" and line["services"] == 35
        assert line["source"] == "saved file"


def test_refusals_are_logged_as_json_with_the_request_id(site):
    _env, (server, _other), log = site
    response = server.get("/api/voorzieningen/a%00/", headers={"X-Request-ID": "drill-4711-abc"})
    assert response.status == 400 and response.headers["X-Request-ID"] == "drill-4711-abc"
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    refusal = [line for line in lines if line.get("request_id") == "drill-4711-abc"]
    assert refusal and refusal[0]["logger"] == "django.request"
    assert refusal[0]["level"] == "WARNING" and refusal[0]["path"] == "/api/voorzieningen/a\x00/"
