"""``manage.py run_periodic_jobs``: each due job once, then exit; what is due is kept in the
database, so a second scheduler (or the next minute's run) does not run a job twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from clusterhub.core.models import PeriodicJobRun
from clusterhub.core.periodic import DAY, JOBS, MINUTE, JobOutcome, PeriodicJob, run_due_jobs

pytestmark = pytest.mark.django_db

EVERY_MINUTE = PeriodicJob("run_fair_jobs", MINUTE)
DAILY = PeriodicJob("run_project_jobs", DAY)
BROKEN = PeriodicJob("no_such_command", MINUTE)


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def ran(outcomes: list[JobOutcome]) -> list[str]:
    return [outcome.command for outcome in outcomes if outcome.ran]


def test_each_job_runs_once_and_again_only_when_its_interval_has_passed() -> None:
    start = timezone.now()
    jobs = [EVERY_MINUTE, DAILY]

    first = run_due_jobs(jobs, now=at(start))
    same_minute = run_due_jobs(jobs, now=at(start + timedelta(seconds=20)))
    # A timer a little early still counts: the slack is a tenth of the interval.
    next_minute = run_due_jobs(jobs, now=at(start + timedelta(seconds=57)))
    next_day = run_due_jobs(jobs, now=at(start + DAY))

    assert ran(first) == ["run_fair_jobs", "run_project_jobs"]
    assert ran(same_minute) == []
    assert ran(next_minute) == ["run_fair_jobs"]
    assert ran(next_day) == ["run_fair_jobs", "run_project_jobs"]
    fair = PeriodicJobRun.objects.get(name="run_fair_jobs")
    assert fair.succeeded is True and fair.finished_at is not None
    assert "fair deadline reminders queued: 0" in fair.outcome


def test_a_job_still_running_elsewhere_is_not_started_again() -> None:
    start = timezone.now()
    PeriodicJobRun.objects.create(name="run_project_jobs", started_at=start, succeeded=None)

    outcomes = run_due_jobs([DAILY], now=at(start + timedelta(minutes=5)))

    assert ran(outcomes) == []


def test_a_failed_job_is_recorded_tried_again_next_time_and_does_not_stop_the_others() -> None:
    start = timezone.now()

    first = run_due_jobs([BROKEN, EVERY_MINUTE], now=at(start))
    again = run_due_jobs([BROKEN, EVERY_MINUTE], now=at(start + timedelta(seconds=5)))

    assert [(o.command, o.ran, o.succeeded) for o in first] == [
        ("no_such_command", True, False),
        ("run_fair_jobs", True, True),
    ]
    assert ran(again) == ["no_such_command"]
    assert PeriodicJobRun.objects.get(name="no_such_command").outcome == "CommandError"


def test_the_command_runs_the_due_jobs_and_exits_non_zero_when_one_fails() -> None:
    output = StringIO()
    call_command("run_periodic_jobs", "--only", "run_fair_jobs", stdout=output)
    call_command("run_periodic_jobs", "--only", "run_fair_jobs", stdout=output)

    assert output.getvalue().splitlines() == [
        "run_fair_jobs: ok fair deadline reminders queued: 0",
        "run_fair_jobs: not due",
    ]
    PeriodicJobRun.objects.filter(name="run_fair_jobs").update(succeeded=False)
    with pytest.raises(CommandError):
        call_command(
            "run_periodic_jobs", "--only", "run_fair_jobs", "--only", "no_such", stdout=output
        )


def test_every_job_names_an_existing_command() -> None:
    from django.core.management import get_commands

    assert {job.command for job in JOBS} <= set(get_commands())
