"""The periodic jobs as one scheduled command (``manage.py run_periodic_jobs``).

A scheduler (a systemd timer, cron, the compose file's ``scheduler`` service) starts the
command once a minute; it runs every job that is due once, in this order, and exits. Whether a
job is due is kept in the database (``PeriodicJobRun``), not on the machine: schedulers on two
machines, or a run that overlaps the next, never run a job twice, and a machine that was down
catches up on its next run.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from clusterhub.core.locks import lock_periodic_job
from clusterhub.core.models import PeriodicJobRun

logger = logging.getLogger(__name__)

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
# A timer fires "every minute" a little early or late; a job whose interval has nearly passed
# (all but a tenth, at most five minutes) counts as due, so it does not skip a whole round.
MOST_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    every: timedelta
    arguments: tuple[str, ...] = field(default=())
    why: str = ""

    @property
    def slack(self) -> timedelta:
        return min(self.every / 10, MOST_SLACK)

    def is_due(self, last_started: datetime, now: datetime) -> bool:
        return now - last_started >= self.every - self.slack


JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob(
        "run_event_jobs",
        MINUTE,
        why="offers lapse, reminders and feedback requests, failed mails are retried",
    ),
    PeriodicJob(
        "build_partner_index",
        MINUTE,
        ("--when-due",),
        why="cheap check; rebuilds when the index is behind the registry or a day old",
    ),
    PeriodicJob("run_project_jobs", DAY, why="deadline reminders of projects that target a call"),
    PeriodicJob("run_fair_jobs", DAY, why="reminders of the joint stands' logistics deadlines"),
    PeriodicJob(
        "refresh_insight",
        HOUR,
        ("--when-due",),
        why="cheap check; recomputes the dashboards' aggregates when one is missing (a new "
        "year, a new cluster) or older than CLUSTERHUB_INSIGHT_REFRESH_HOURS",
    ),
)


@dataclass(frozen=True)
class JobOutcome:
    command: str
    ran: bool
    succeeded: bool = True
    detail: str = ""


def claim(job: PeriodicJob, now: datetime) -> bool:
    """Mark ``job`` as started now if it is due; False when it is not (or another scheduler
    has just claimed it)."""
    PeriodicJobRun.objects.bulk_create(
        [PeriodicJobRun(name=job.command, started_at=now - job.every - DAY)],
        ignore_conflicts=True,
    )
    with transaction.atomic():
        run = lock_periodic_job(job.command)
        # A failed run is tried again at once; a run still going (or one whose process died)
        # holds the job until its interval has passed.
        if run.succeeded is not False and not job.is_due(run.started_at, now):
            return False
        run.started_at, run.finished_at, run.succeeded, run.outcome = now, None, None, ""
        run.save()
    return True


def record(job: PeriodicJob, *, succeeded: bool, outcome: str) -> None:
    PeriodicJobRun.objects.filter(name=job.command).update(
        finished_at=timezone.now(), succeeded=succeeded, outcome=outcome[:500]
    )


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_due_jobs(
    jobs: Iterable[PeriodicJob] = JOBS,
    *,
    force: bool = False,
    now: Callable[[], datetime] = timezone.now,
) -> list[JobOutcome]:
    """Run each due job once (every job with ``force``); one failing job does not stop the
    others. Returns what happened to each."""
    outcomes = []
    for job in jobs:
        started = now()
        if not force and not claim(job, started):
            outcomes.append(JobOutcome(job.command, ran=False))
            continue
        if force:
            PeriodicJobRun.objects.update_or_create(
                name=job.command,
                defaults={"started_at": started, "finished_at": None, "succeeded": None},
            )
        output = io.StringIO()
        try:
            call_command(job.command, *job.arguments, stdout=output)
        except Exception as error:
            # Logged with its traceback; the next run tries again (a failed run is not "done").
            logger.exception("periodic job %s failed", job.command)
            record(job, succeeded=False, outcome=type(error).__name__)
            outcomes.append(JobOutcome(job.command, ran=True, succeeded=False, detail=str(error)))
            continue
        detail = last_line(output.getvalue())
        record(job, succeeded=True, outcome=detail)
        logger.info("periodic job %s: %s", job.command, detail)
        outcomes.append(JobOutcome(job.command, ran=True, detail=detail))
    return outcomes
