"""The scheduler as a background job: requested once per event, run by a task, its outcome or
failure recorded, and a status page that polls while it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks import default_task_backend

from clusterhub.conftest import Registry
from clusterhub.matchmaking import planning, schedule_runs, services
from clusterhub.matchmaking.models import Meeting, ScheduleRun
from clusterhub.matchmaking.tasks import run_schedule
from clusterhub.matchmaking.tests.conftest import Brokerage
from clusterlogic.scheduling import SchedulingError

Login = Callable[[str], Client]
Capture = Callable[..., Any]
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def accept(brokerage: Brokerage, sender: int, recipient: int) -> None:
    people = brokerage.participants
    services.answer_request(
        services.send_request(people[sender], people[recipient], ""), accept=True
    )


def run_url(run: ScheduleRun) -> str:
    return reverse("matchmaking:schedule_run", args=[run.event_id, run.pk])


@pytest.fixture
def queued_tasks(settings: Any) -> Any:
    """Tasks are only recorded, never run, as if no worker had picked them up yet."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()  # type: ignore[attr-defined]
    return default_task_backend


def test_requesting_enqueues_one_task_and_a_second_request_joins_the_queued_run(
    brokerage: Brokerage,
    registry: Registry,
    login: Login,
    queued_tasks: Any,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    client = login("medtech_manager")
    url = reverse("matchmaking:compute_schedule", args=[brokerage.event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
        second = client.post(url)
    run = ScheduleRun.objects.get()
    assert first["Location"] == second["Location"] == run_url(run)
    assert run.status == ScheduleRun.Status.QUEUED
    assert run.requested_by == registry.users["medtech_manager"]
    assert [(result.task.name, result.args) for result in queued_tasks.results] == [
        (run_schedule.name, [run.pk])
    ]


def test_the_task_stores_the_meetings_and_the_outcome(
    brokerage: Brokerage, django_capture_on_commit_callbacks: Capture
) -> None:
    accept(brokerage, 0, 1)
    accept(brokerage, 1, 2)
    with django_capture_on_commit_callbacks(execute=True):
        run, created = schedule_runs.request_schedule(brokerage.event)
    run.refresh_from_db()
    assert created
    assert run.status == ScheduleRun.Status.DONE
    assert run.scheduled == Meeting.objects.filter(event=brokerage.event).count() == 2
    assert (run.unscheduled, run.released_pins, run.error) == (0, [], "")
    assert run.finished_at is not None and run.finished_at >= run.requested_at


def test_a_failing_run_is_marked_failed_and_can_be_requested_again(
    brokerage: Brokerage,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise SchedulingError(["Treffen r1 passt in kein Zeitfenster."])

    monkeypatch.setattr(planning, "compute_schedule", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        failed, _ = schedule_runs.request_schedule(brokerage.event)
    failed.refresh_from_db()
    assert failed.status == ScheduleRun.Status.FAILED
    assert failed.error == "Treffen r1 passt in kein Zeitfenster."

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again, created = schedule_runs.request_schedule(brokerage.event)
    again.refresh_from_db()
    assert created and again.pk != failed.pk
    assert again.status == ScheduleRun.Status.DONE


def test_an_unexpected_error_fails_the_run_with_a_readable_message(
    brokerage: Brokerage, monkeypatch: pytest.MonkeyPatch, queued_tasks: Any
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(planning, "compute_schedule", crash)
    run = ScheduleRun.objects.create(event=brokerage.event)
    schedule_runs.execute_run(run.pk)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.FAILED
    assert "erneut" in run.error and "solver crashed" not in run.error


def test_a_run_no_longer_queued_is_not_computed_twice(
    brokerage: Brokerage, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = ScheduleRun.objects.create(event=brokerage.event, status=ScheduleRun.Status.RUNNING)
    monkeypatch.setattr(planning, "compute_schedule", pytest.fail)
    assert schedule_runs.execute_run(run.pk) is None


def test_the_status_fragment_polls_while_running_and_stops_when_done(
    brokerage: Brokerage, login: Login
) -> None:
    client = login("medtech_manager")
    run = ScheduleRun.objects.create(event=brokerage.event, status=ScheduleRun.Status.RUNNING)
    running = client.get(run_url(run), headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in running and f'hx-get="{run_url(run)}"' in running
    assert "<html" not in running

    run.status, run.scheduled, run.unscheduled, run.upper_bound = "done", 4, 1, 5.0
    run.save()
    done = client.get(run_url(run), headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done
    assert (
        "4 von 5 gewünschten Treffen sind eingeplant; 1 passte nicht mehr in den Zeitplan." in done
    )
    assert "Schranke" not in done
    assert reverse("matchmaking:grid", args=[brokerage.event.pk]) in done


def test_without_javascript_the_page_offers_a_reload_link(
    brokerage: Brokerage, login: Login
) -> None:
    run = ScheduleRun.objects.create(event=brokerage.event)
    page = login("medtech_manager").get(run_url(run)).content.decode()
    assert "<html" in page and f'href="{run_url(run)}"' in page


def test_another_cluster_s_manager_cannot_see_a_run(brokerage: Brokerage, login: Login) -> None:
    run = ScheduleRun.objects.create(event=brokerage.event)
    assert login("smart_manager").get(run_url(run)).status_code == 403
