"""The scheduler as a background job: the organiser asks for a run, a worker computes it and
records the outcome on a ``ScheduleRun`` the organiser's page polls."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit.services import Actor
from clusterhub.core.background import enqueue_on_commit
from clusterhub.core.locks import lock_event_row
from clusterhub.events.models import Event
from clusterhub.matchmaking import planning
from clusterhub.matchmaking.models import ScheduleRun
from clusterhub.matchmaking.rules import worded_violations
from clusterlogic.scheduling import SchedulingError

logger = logging.getLogger(__name__)

# A run still queued or running after this long is taken for lost (a worker died); it no
# longer stops the organiser from asking for a new one.
STALE_AFTER = dt.timedelta(minutes=30)
RUN_TASK = "clusterhub.matchmaking.tasks.run_schedule"


def active_run(event: Event) -> ScheduleRun | None:
    return (
        ScheduleRun.objects.filter(
            event=event,
            status__in=(ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING),
            requested_at__gte=timezone.now() - STALE_AFTER,
        )
        .order_by("-requested_at", "-pk")
        .first()
    )


def request_schedule(event: Event, actor: Actor = None) -> tuple[ScheduleRun, bool]:
    """A new run for the event, its task enqueued once the transaction commits; or the run
    already queued or running, so one event never has two. Returns the run and whether it
    is new."""
    with transaction.atomic():
        # Two organisers pressing the button at once: the event row serialises them.
        lock_event_row(event.pk)
        existing = active_run(event)
        if existing is not None:
            return existing, False
        user_model = get_user_model()
        run = ScheduleRun.objects.create(
            event=event, requested_by=actor if isinstance(actor, user_model) else None
        )
        enqueue_on_commit(RUN_TASK, run.pk)
    return run, True


def execute_run(run_pk: int) -> ScheduleRun | None:
    """Compute the schedule for a queued run and record how it went. A run no longer queued
    (already taken by another worker, or finished) is left alone, so repeating is safe."""
    claimed = ScheduleRun.objects.filter(pk=run_pk, status=ScheduleRun.Status.QUEUED).update(
        status=ScheduleRun.Status.RUNNING
    )
    if not claimed:
        return None
    run = ScheduleRun.objects.select_related("event", "requested_by").get(pk=run_pk)
    try:
        outcome = planning.compute_schedule(
            run.event, actor=run.requested_by, seconds=planning.background_time_limit()
        )
    except planning.ScheduleBreaksRules as error:
        logger.error("Schedule run %s broke the rules: %s", run_pk, error)
        problems = worded_violations(error.violations, run.event)
        _finish(run, ScheduleRun.Status.FAILED, error=" ".join(problems))
    except SchedulingError as error:
        _finish(run, ScheduleRun.Status.FAILED, error=" ".join(error.problems))
    except Exception:
        # Whatever broke, the organiser sees a failed run and may ask again; the details
        # go to the log.
        logger.exception("Schedule run %s failed", run_pk)
        _finish(
            run,
            ScheduleRun.Status.FAILED,
            error=_("Die Berechnung ist unerwartet abgebrochen. Bitte versuchen Sie es erneut."),
        )
    else:
        run.scheduled = outcome.scheduled
        run.unscheduled = len(outcome.unscheduled)
        run.upper_bound = outcome.stats.upper_bound
        run.released_pins = [
            f"{released.meeting}: {released.reason}" for released in outcome.released
        ]
        _finish(run, ScheduleRun.Status.DONE)
    return run


def _finish(run: ScheduleRun, status: str, *, error: str = "") -> None:
    run.status = status
    run.error = error
    run.finished_at = timezone.now()
    run.save()
