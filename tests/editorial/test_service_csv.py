"""Bulk import and export of services as CSV."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cms.models import ServicePage
from editorial import importer
from editorial.service_csv import COLUMNS, export_services


@pytest.fixture
def catalogue(build, make_user):
    editor = make_user("redactie", username="petra")
    geld = build.theme("geld", "Geld en schulden")
    wonen = build.theme("wonen", "Wonen")
    ouderen = build.target_group("ouderen", "Ouderen")
    wijk = build.wijk("thamerdal", "Thamerdal")
    place = build.place(slug="gemeentehuis")
    first = build.service(
        "schuldhulp",
        "Schuldhulp",
        phrases=["ik heb schulden", "ik kan de huur niet betalen"],
        themes=[wonen, geld],
        places=[place],
        wijken=[wijk],
        cost="free",
        access="walk_in",
        wheelchair_accessible=True,
        phone="0297 000 001",
        email="schuld@example.org",
        website="https://example.org/schuld",
        last_checked=datetime.date(2026, 9, 1),
        responsible=editor,
        legal_framework="wgs",
        referral_route="Via het sociaal loket.\nOf bel direct.",
        contact_person_name="Anna; de Vries",
        contact_person_email="anna@example.org",
        summary='Hulp met "geldzaken", ook bij huurschuld.',
    )
    first.target_groups.add(ouderen)
    first.save_revision().publish()
    build.service("maaltijd", "Maaltijden aan huis", at_home=True, wheelchair_accessible=None)
    return {"editor": editor}


def exported() -> bytes:
    return export_services()


def rows_of(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def to_bytes(rows, delimiter=";"):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8")


def revision_count():
    return Revision.objects.count()


def test_export_has_the_documented_columns(catalogue):
    rows = rows_of(exported())
    assert rows[0] == [column.name for column in COLUMNS]
    data = dict(zip(rows[0], rows[1], strict=True))
    assert data["slug"] == "maaltijd" and data["at_home"] == "ja"
    data = dict(zip(rows[0], rows[2], strict=True))
    assert data["helps_with"] == "ik heb schulden|ik kan de huur niet betalen"
    assert data["themes"] == "geld|wonen"
    assert data["target_groups"] == "ouderen"
    assert data["wheelchair_accessible"] == "ja"
    assert data["last_checked"] == "2026-09-01"
    assert data["responsible"] == "petra"
    assert data["referral_route"] == "Via het sociaal loket.\nOf bel direct."


def test_reimporting_an_export_changes_nothing(catalogue):
    data = exported()
    before = revision_count()
    plan = importer.run_import(data)
    assert plan.ok, plan.problems
    assert plan.count("unchanged") == 2 and plan.count("update") == 0
    assert revision_count() == before
    assert exported() == data


def test_export_imports_back_to_the_same_content(catalogue, make_user):
    data = exported()
    ServicePage.objects.all().delete()
    plan = importer.run_import(data, user=catalogue["editor"])
    assert plan.ok, plan.problems
    assert plan.count("create") == 2
    assert exported() == data
    restored = ServicePage.objects.get(slug="schuldhulp")
    assert restored.live and restored.contact_person_name == "Anna; de Vries"
    assert [p.text for p in restored.phrases.all()] == [
        "ik heb schulden",
        "ik kan de huur niet betalen",
    ]
    # ... and importing it once more changes nothing.
    before = revision_count()
    assert importer.run_import(data).count("unchanged") == 2
    assert revision_count() == before


def test_changed_rows_are_published_as_a_new_revision(catalogue):
    rows = rows_of(exported())
    header = rows[0]
    rows[1][header.index("title")] = "Warme maaltijden aan huis"
    rows[1][header.index("themes")] = "wonen"
    plan = importer.run_import(to_bytes(rows), user=catalogue["editor"])
    assert plan.ok and plan.count("update") == 1
    assert plan.rows[0].changed == ["title", "themes"]
    service = ServicePage.objects.get(slug="maaltijd")
    assert service.title == "Warme maaltijden aan huis"
    assert [t.slug for t in service.themes.all()] == ["wonen"]
    assert service.live_revision.user == catalogue["editor"]


def test_dry_run_changes_nothing(catalogue):
    rows = rows_of(exported())
    rows[1][rows[0].index("title")] = "Anders"
    plan = importer.run_import(to_bytes(rows), dry_run=True)
    assert plan.ok and plan.count("update") == 1 and not plan.applied
    assert ServicePage.objects.get(slug="maaltijd").title == "Maaltijden aan huis"


def test_every_problem_is_listed_and_nothing_changes(catalogue):
    rows = rows_of(exported())
    header = rows[0]
    rows[1][header.index("title")] = "Wordt niet opgeslagen"
    rows[2][header.index("cost")] = "duur"
    rows[2][header.index("themes")] = "geld|bestaat-niet"
    rows[2][header.index("email")] = "geen-adres"
    rows[2][header.index("last_checked")] = "gisteren"
    rows.append(list(rows[1]))  # duplicate slug
    plan = importer.run_import(to_bytes(rows))
    found = {(p.row, p.column) for p in plan.problems}
    assert {(3, "cost"), (3, "themes"), (3, "email"), (3, "last_checked"), (4, "slug")} <= found
    assert all(p.message for p in plan.problems)
    assert "bestaat-niet" in next(p.message for p in plan.problems if p.column == "themes")
    assert not plan.applied
    assert ServicePage.objects.get(slug="maaltijd").title == "Maaltijden aan huis"


def test_header_problems(catalogue):
    plan = importer.run_import(to_bytes([["slug", "title", "kleur"], ["a", "b", "c"]]))
    assert {(p.row, p.column) for p in plan.problems} == {
        (1, "kleur"),
        (1, "organisation"),
        (1, "summary"),
    }


def test_partial_columns_keep_the_rest(catalogue):
    data = to_bytes(
        [
            ["slug", "title", "organisation", "summary"],
            ["maaltijd", "Maaltijden", "gemeente-uithoorn", "Eten aan huis."],
            ["nieuw", "Nieuwe dienst", "gemeente-uithoorn", "Iets nieuws."],
        ],
        delimiter=",",
    )
    plan = importer.run_import(data)
    assert plan.ok, plan.problems
    assert ServicePage.objects.get(slug="maaltijd").at_home  # untouched
    new = ServicePage.objects.get(slug="nieuw")
    assert new.live and new.review_interval_months == 6


def test_dutch_dates_and_labels_are_accepted(catalogue):
    data = to_bytes(
        [
            ["slug", "title", "organisation", "summary", "cost", "last_checked"],
            ["maaltijd", "Maaltijden aan huis", "gemeente-uithoorn", "x", "Gratis", "1-10-2026"],
        ]
    )
    plan = importer.run_import(data)
    assert plan.ok, plan.problems
    service = ServicePage.objects.get(slug="maaltijd")
    assert service.cost == "free" and service.last_checked == datetime.date(2026, 10, 1)


def test_a_service_with_a_pending_draft_is_not_overwritten(catalogue):
    service = ServicePage.objects.get(slug="maaltijd")
    service.title = "Concept"
    service.save_revision()
    rows = rows_of(exported())
    rows[1][rows[0].index("summary")] = "Gewijzigd."
    plan = importer.run_import(to_bytes(rows))
    assert [(p.row, p.column) for p in plan.problems] == [(2, "slug")]


def test_unreadable_file(catalogue):
    assert not importer.run_import(b"").ok
    assert not importer.run_import(b"\xff\xfe\x00garbage").ok


# Commands and admin ----------------------------------------------------------------------


def test_commands_round_trip(catalogue, tmp_path, capsys):
    path = tmp_path / "voorzieningen.csv"
    call_command("export_services", str(path))
    assert path.read_bytes() == exported()
    call_command("import_services", str(path), "--dry-run")
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in capsys.readouterr().out
    path.write_bytes(path.read_bytes().replace(b"Schuldhulp;", b"Schuldhulp Plus;"))
    call_command("import_services", str(path))
    assert ServicePage.objects.filter(title="Schuldhulp Plus").exists()


def test_import_command_fails_with_the_problems(catalogue, tmp_path, capsys):
    path = tmp_path / "fout.csv"
    path.write_bytes(to_bytes([["slug", "title", "organisation", "summary"], ["x", "X", "?", "s"]]))
    with pytest.raises(CommandError):
        call_command("import_services", str(path))
    assert "Rij 2, kolom organisation" in capsys.readouterr().err


def test_admin_upload_lists_problems_by_row_and_column(client, catalogue):
    client.force_login(catalogue["editor"])
    rows = rows_of(exported())
    rows[2][rows[0].index("cost")] = "duur"
    upload = io.BytesIO(to_bytes(rows))
    upload.name = "voorzieningen.csv"
    response = client.post("/beheer/redactie/import/", {"file": upload, "dry_run": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>3</td><td>cost</td>" in html and "Er is niets veranderd" in html


def test_admin_upload_imports(client, catalogue):
    client.force_login(catalogue["editor"])
    rows = rows_of(exported())
    rows[1][rows[0].index("title")] = "Via het beheer"
    upload = io.BytesIO(to_bytes(rows))
    upload.name = "voorzieningen.csv"
    html = client.post("/beheer/redactie/import/", {"file": upload}).content.decode()
    assert "Klaar" in html
    assert ServicePage.objects.filter(title="Via het beheer").exists()


def test_admin_download(client, catalogue):
    client.force_login(catalogue["editor"])
    response = client.get("/beheer/redactie/export/")
    assert response["Content-Disposition"].startswith('attachment; filename="voorzieningen-')
    assert response.content == exported()


def test_aanbieder_cannot_import_or_export(client, make_user, orgs):
    client.force_login(make_user("aanbieder", organisation=orgs["own"]))
    assert client.get("/beheer/redactie/export/").status_code in (302, 403)
    assert client.get("/beheer/redactie/import/").status_code in (302, 403)


def test_control_characters_are_refused_per_row_and_column(catalogue):
    rows = rows_of(exported())
    header = rows[0]
    rows[1][header.index("title")] = "Schuld\x00hulp"
    rows[2][header.index("summary")] = "Maaltijden\x1b[31m aan huis"
    rows[2][header.index("referral_route")] = "Bel ons.\nOf mail.\tDank u."  # allowed
    plan = importer.run_import(to_bytes(rows))
    problems = {(p.row, p.column): p.message for p in plan.problems}
    assert set(problems) == {(2, "title"), (3, "summary")}
    assert "stuurteken (U+0000) op plaats 7" in problems[(2, "title")]
    assert "stuurteken (U+001B)" in problems[(3, "summary")]
    assert not plan.applied and ServicePage.objects.get(slug="schuldhulp").title == "Schuldhulp"


def test_formula_prefixes_are_neutralised_in_the_export_and_read_back(catalogue):
    service = ServicePage.objects.get(slug="maaltijd")
    service.summary = '=HYPERLINK("https://example.org","klik")'
    service.phone = "+31 297 000 002"
    service.save_revision().publish()
    rows = rows_of(exported())
    header = rows[0]
    row = next(r for r in rows if r[0] == "maaltijd")
    assert row[header.index("summary")] == '\'=HYPERLINK("https://example.org","klik")'
    assert row[header.index("phone")] == "'+31 297 000 002"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    before = revision_count()
    plan = importer.run_import(exported())
    assert plan.ok and plan.count("update") == 0 and revision_count() == before
