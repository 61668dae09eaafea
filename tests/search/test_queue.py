"""Editors' saves that reach many services return at once; the background worker (the real
django-tasks database backend, run here in the test's own connection) reindexes them in bulk.
"""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from cms.models import ServiceIndexPage
from search import queue
from search.query import run
from search.types import SearchParams

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    queue.BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture(autouse=True)
def database_queue():
    """The queue as in development and production, whatever the test settings choose."""
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def waiting_tasks() -> int:
    return DBTaskResult.objects.ready().filter(backend_name=queue.BACKEND).count()


def run_worker() -> int:
    """What ``manage.py db_worker --backend background --batch`` does, minus its connection
    housekeeping (which would close the test's transaction): take each ready task locked,
    claim it and run it. Returns the number of tasks run."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=queue.BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    while task := DBTaskResult.objects.ready().filter(backend_name=queue.BACKEND).get_locked():
        task.claim(worker.worker_id)
        worker.run_task(task)
        task.refresh_from_db()
        assert task.status == "SUCCESSFUL", task.exception_class_path
        count += 1
    return count


def themes_of(question: str) -> list[list[str]]:
    return [[t["name"] for t in r.themes] for r in run(SearchParams(q=question)).results]


def found(question: str) -> list[str]:
    return sorted(r.slug for r in run(SearchParams(q=question)).results)


@pytest.fixture
def debt_services(build):
    theme = build.theme("geld", "Geld en schulden")
    for number in range(3):
        build.service(f"schulden-{number}", f"Schuldhulp {number}", themes=[theme])
    return theme


def test_saving_a_theme_returns_before_its_services_are_reindexed(debt_services):
    debt_services.name = "Geldzaken"
    debt_services.save()
    assert themes_of("schuldhulp") == [["Geld en schulden"]] * 3  # unchanged until the worker
    assert queue.waiting() == 3 and waiting_tasks() == 1

    assert run_worker() == 1
    assert themes_of("schuldhulp") == [["Geldzaken"]] * 3
    assert queue.waiting() == 0 and waiting_tasks() == 0


def test_a_second_save_before_the_worker_queues_nothing_twice(debt_services):
    debt_services.name = "Geldzaken"
    debt_services.save()
    debt_services.name = "Geld"
    debt_services.save()
    assert queue.waiting() == 3  # one row per service
    assert run_worker() == 2  # the second task finds the table empty
    assert themes_of("schuldhulp") == [["Geld"]] * 3


def test_without_a_worker_nothing_is_lost(debt_services):
    debt_services.name = "Geldzaken"
    debt_services.save()
    call_command("reindex_pending", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert themes_of("schuldhulp") == [["Geldzaken"]] * 3 and queue.waiting() == 0

    debt_services.name = "Geld"
    debt_services.save()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert themes_of("schuldhulp") == [["Geld"]] * 3 and queue.waiting() == 0


def test_a_worker_that_dies_mid_batch_leaves_the_changes_waiting(debt_services):
    from django.db import transaction

    debt_services.name = "Geldzaken"
    debt_services.save()
    with pytest.raises(KeyboardInterrupt), transaction.atomic():
        queue.process_pending()
        raise KeyboardInterrupt  # killed before its transaction committed
    assert queue.waiting() == 3
    assert themes_of("schuldhulp") == [["Geld en schulden"]] * 3
    assert run_worker() == 1
    assert themes_of("schuldhulp") == [["Geldzaken"]] * 3


def test_one_service_is_indexed_in_the_request(build):
    theme = build.theme("taal", "Taal")
    page = build.service("taalcafe", "Taalcafe", themes=[theme])
    assert found("taalcafe") == ["taalcafe"]  # published: findable at once
    theme.name = "Taal en lezen"
    theme.save()
    assert themes_of("taalcafe") == [["Taal en lezen"]] and queue.waiting() == 0
    page.unpublish()
    assert found("taalcafe") == []  # withdrawn: gone at once
    page.save_revision().publish()
    assert found("taalcafe") == ["taalcafe"]
    page.delete()
    assert found("taalcafe") == []
    assert waiting_tasks() == 0


def test_publishing_services_and_their_organisation(build):
    organisation = build.organisation("buurtteam", "Buurtteam")
    for number in range(2):
        build.service(f"maatje-{number}", f"Maatje {number}", organisation=organisation)
    assert found("maatje") == ["maatje-0", "maatje-1"]
    organisation.title = "Buurtteam Uithoorn"
    organisation.save_revision().publish()
    assert queue.waiting() == 2
    assert run_worker() == 1
    result = run(SearchParams(q="maatje")).results
    assert {r.organisation["name"] for r in result} == {"Buurtteam Uithoorn"}


def test_a_restriction_above_many_services_hides_them_at_once(build):
    for number in range(2):
        build.service(f"prive-{number}", f"Taalmaatje {number}")
    restriction = PageViewRestriction.objects.create(
        page=ServiceIndexPage.objects.get(), restriction_type=PageViewRestriction.LOGIN
    )
    assert found("taalmaatje") == []  # before any worker ran
    run_worker()
    assert found("taalmaatje") == []
    restriction.delete()
    assert found("taalmaatje") == []  # public again once the worker ran
    run_worker()
    assert found("taalmaatje") == ["prive-0", "prive-1"]
