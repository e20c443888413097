"""Background work through django-tasks: thin, load by id, call a service, safe to repeat."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django_tasks import task

from clusterhub.events.models import Event
from clusterhub.matchmaking import agenda_mail, queries
from clusterhub.matchmaking.models import Participant


@task()
def send_participant_agenda(participant_pk: int) -> bool:
    return agenda_mail.send_agenda(participant_pk)


@task()
def send_participant_welcome(participant_pk: int) -> bool:
    return agenda_mail.send_welcome(participant_pk)


def queue_welcome_mails(participants: list[Participant]) -> None:
    """The magic link to each newly enrolled participant, once the transaction commits."""
    for participant in participants:
        transaction.on_commit(partial(send_participant_welcome.enqueue, participant.pk))


def queue_agenda_mails(event: Event) -> int:
    """One task per participant whose published agenda has not been mailed as it stands,
    enqueued once the surrounding transaction commits; returns how many were queued."""
    participants = Participant.objects.filter(event=event).select_related(
        "event", "registration__person"
    )
    due = [p.pk for p in participants if agenda_mail.needs_agenda_mail(p, queries.agenda_of(p))]
    for participant_pk in due:
        transaction.on_commit(partial(send_participant_agenda.enqueue, participant_pk))
    return len(due)


@task()
def run_schedule(run_pk: int) -> str | None:
    """The scheduler for one requested run (``schedule_runs.request_schedule``); returns the
    run's final status, or None when it was not queued any more."""
    # Imported here: the scheduler's services import this module for their mail tasks.
    from clusterhub.matchmaking import schedule_runs

    run = schedule_runs.execute_run(run_pk)
    return None if run is None else run.status
