"""Anonymous learning from questions without (many) results, and the editors' report."""

import pytest
from django.utils import timezone

from search import querylog
from search.models import UnansweredQuery
from search.synonyms import Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(build):
    build.service("shv", "Hulp bij schulden")


def test_unanswered_questions_are_stored_without_anything_about_the_asker(client, services):
    client.get(
        "/api/zoeken/",
        {"q": "Waar kan ik mijn fiets repareren", "postcode": "1421AB"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Test/1.0",
        HTTP_COOKIE="sessionid=abc",
    )
    client.get("/api/zoeken/", {"q": "waar kan ik mijn  fiets repareren"})
    (entry,) = UnansweredQuery.objects.all()
    assert entry.text == "waar kan ik mijn fiets repareren"
    assert entry.times == 2 and entry.result_count == 0
    values = " ".join(str(v) for v in entry.__dict__.values())
    for trace in ("203.0.113.7", "Test/1.0", "abc", "1421"):
        assert trace not in values
    field_names = {f.name for f in UnansweredQuery._meta.get_fields()}
    assert field_names == {"id", "text", "times", "result_count", "first_asked", "last_asked"}


def test_searching_sets_no_cookie(client, services):
    response = client.get("/api/zoeken/", {"q": "fiets"})
    assert not any(morsel.value for morsel in response.cookies.values())
    response = client.get("/zoeken/", {"q": "fiets"})
    assert not any(morsel.value for morsel in response.cookies.values())


def test_answered_filtered_and_later_pages_are_not_stored(client, services):
    client.get("/api/zoeken/", {"q": "schulden"})  # one result: few, stored
    client.get("/api/zoeken/", {"q": "fiets", "thema": "geld"})  # filters narrowed it
    client.get("/api/zoeken/", {"q": "fiets", "pagina": "2"})
    client.get("/api/zoeken/", {"q": "😀"})  # nothing to learn from
    assert list(UnansweredQuery.objects.values_list("text", "result_count")) == [("schulden", 1)]


def test_personal_details_are_blanked_out():
    assert querylog.scrub("Jan@example.org bel 06-12345678 postcode 1422 AA") == (
        "[e-mail] bel [nummer] postcode [postcode]"
    )


def test_report_lists_questions_with_quick_actions(admin_client, services):
    UnansweredQuery.objects.create(text="fiets <repareren>", times=3, last_asked=timezone.now())
    html = admin_client.get("/beheer/search_unanswered/").content.decode()
    assert "Zoekvragen zonder resultaat" in html
    assert "fiets &lt;repareren&gt;" in html
    assert "/beheer/snippets/search/synonym/add/?words=fiets+%3Crepareren%3E" in html
    assert "/beheer/pages/" in html  # to the services, to add a helps-with phrase
    response = admin_client.get("/beheer/search_unanswered/?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert "fiets <repareren>,3" in csv


def test_synonym_form_is_prefilled_and_saving_changes_search_at_once(
    admin_client, client, services
):
    html = admin_client.get("/beheer/snippets/search/synonym/add/?words=fietsmaatje").content
    assert b'value="fietsmaatje"' in html
    assert client.get("/api/zoeken/", {"q": "fietsmaatje"}).json()["count"] == 0
    response = admin_client.post(
        "/beheer/snippets/search/synonym/add/",
        {"words": "fietsmaatje", "means": "schulden", "leefgebied": ""},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Synonym.objects.filter(words="fietsmaatje").exists()
    assert client.get("/api/zoeken/", {"q": "fietsmaatje"}).json()["count"] == 1


def test_report_needs_permission(client, django_user_model, services):
    user = django_user_model.objects.create_user("lezer", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/beheer/search_unanswered/").status_code in (302, 403)


def test_new_questions_are_capped_per_day_but_known_ones_still_count(client, services, settings):
    settings.SEARCH_QUERYLOG_MAX_NEW_PER_DAY = 5
    for number in range(40):
        client.get("/api/zoeken/", {"q": f"fiets{number} repareren"})
    assert UnansweredQuery.objects.count() == 5
    client.get("/api/zoeken/", {"q": "fiets0 repareren"})
    assert UnansweredQuery.objects.get(text="fiets0 repareren").times == 2
    UnansweredQuery.objects.update(first_asked=timezone.now() - timezone.timedelta(days=1))
    client.get("/api/zoeken/", {"q": "een nieuwe dag"})
    assert UnansweredQuery.objects.filter(text="een nieuwe dag").exists()


def test_the_report_export_never_hands_a_formula_to_a_spreadsheet(client, django_user_model):
    from django.urls import reverse

    now = timezone.now()
    for text in ("=cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "fiets"):
        UnansweredQuery.objects.create(text=text, last_asked=now)
    client.force_login(django_user_model.objects.create_superuser("chef", "c@example.org", "x"))
    response = client.get(reverse("search_unanswered:index"), {"export": "csv"})
    assert response.status_code == 200
    cells = [line.split(",")[0] for line in response.getvalue().decode().splitlines()[1:]]
    assert sorted(cells) == ["'-2+3", "'=cmd|' /C calc'!A0", "'@SUM(1+1)", "fiets"]
