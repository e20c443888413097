"""Background work through django-tasks: thin, load by id, call a service, safe to repeat.

Mails go through the events outbox (``events.tasks.deliver_mail``); only the scheduling run
is matchmaking's own.
"""

from __future__ import annotations

from django_tasks import task

from clusterhub.matchmaking import schedule_runs


@task()
def run_schedule(run_pk: int) -> str | None:
    """The scheduler for one requested run (``schedule_runs.request_schedule``); returns the
    run's final status, or None when it was not queued any more."""
    run = schedule_runs.execute_run(run_pk)
    return None if run is None else run.status
