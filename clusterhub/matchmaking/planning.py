"""The organiser's writes: running the scheduler on the accepted requests, publishing."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.events.models import Event
from clusterhub.matchmaking.models import MatchmakingSession, Meeting, Table
from clusterhub.matchmaking.rules import as_assignment, build_instance, pk_of
from clusterhub.matchmaking.services import expire_requests
from clusterlogic import scheduling


@dataclass(frozen=True)
class ScheduleOutcome:
    scheduled: int
    unscheduled: tuple[scheduling.Unscheduled, ...]
    released: tuple[scheduling.Unscheduled, ...]
    stats: scheduling.ScheduleStats


class ScheduleBreaksRules(scheduling.SchedulingError):
    """The solver returned a schedule that breaks a hard rule (a bug); it is not stored."""

    def __init__(self, violations: list[scheduling.RuleViolation]) -> None:
        super().__init__([str(violation) for violation in violations])
        self.violations = violations


def time_limit() -> float:
    return float(settings.CLUSTERHUB_MATCHMAKING_TIME_LIMIT)


def background_time_limit() -> float:
    """The solver's limit in a background run, where no web request waits for it."""
    return float(settings.CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT)


def compute_schedule(
    event: Event, *, actor: Actor = None, seconds: float | None = None
) -> ScheduleOutcome:
    """Schedule the accepted requests and store the meetings. Pinned and announced meetings
    stay where they are while still valid; only free slots are filled around them. The
    solver stops after ``seconds`` (``time_limit()`` when not given).

    Raises ``scheduling.SchedulingError`` (naming the meetings at fault), or its subclass
    ``ScheduleBreaksRules`` when the computed schedule fails the rule check; then nothing
    changes.
    """
    expire_requests(event)
    instance = build_instance(event)
    kept = list(Meeting.objects.filter(event=event).filter(Q(pinned=True) | Q(announced=True)))
    pins = [
        as_assignment(meeting.request_id, meeting.slot_id, meeting.table_id) for meeting in kept
    ]
    schedule = scheduling.schedule_meetings(
        instance, time_limit=seconds or time_limit(), pinned=pins
    )
    # The last gate: nothing is stored that breaks a rule, whatever the solver did.
    violations = scheduling.check_schedule(instance, schedule.assignments)
    if violations:
        raise ScheduleBreaksRules(violations)
    placed = {
        pk_of(assignment.meeting): (assignment.slot, pk_of(assignment.table))
        for assignment in schedule.assignments
    }
    with transaction.atomic():
        existing = {meeting.request_id: meeting for meeting in Meeting.objects.filter(event=event)}
        unchanged = {
            request_id
            for request_id, meeting in existing.items()
            if placed.get(request_id) == (meeting.slot_id, meeting.table_id)
        }
        Meeting.objects.filter(event=event).exclude(request_id__in=unchanged).delete()
        Meeting.objects.bulk_create(
            Meeting(event=event, request_id=request_id, slot_id=slot_id, table_id=table_pk)
            for request_id, (slot_id, table_pk) in placed.items()
            if request_id not in unchanged
        )
        audit.record(
            actor,
            AuditEntry.Action.UPDATE,
            event,
            {"meetings_scheduled": len(placed), "unscheduled": len(schedule.unscheduled)},
        )
    return ScheduleOutcome(
        scheduled=len(placed),
        unscheduled=schedule.unscheduled,
        released=schedule.released_pins,
        stats=schedule.stats,
    )


def publish_schedule(event: Event, *, actor: Actor = None) -> int:
    """Announce every scheduled meeting: it appears on the personal agendas and stays in
    place when the schedule is re-run."""
    count = Meeting.objects.filter(event=event, announced=False).update(announced=True)
    audit.record(actor, AuditEntry.Action.UPDATE, event, {"meetings_announced": count})
    return count


def add_session(session: MatchmakingSession, event: Event, *, actor: Actor = None) -> None:
    session.event = event
    session.save()
    audit.record(actor, AuditEntry.Action.CREATE, session)


def add_table(table: Table, event: Event, *, actor: Actor = None) -> None:
    table.event = event
    table.save()
    audit.record(actor, AuditEntry.Action.CREATE, table)


def add_numbered_tables(
    event: Event, count: int, *, virtual: bool = False, actor: Actor = None
) -> list[Table]:
    """``count`` more tables labelled T01, T02 … (V01 … for virtual ones), skipping labels
    already taken."""
    prefix = "V" if virtual else "T"
    taken = set(Table.objects.filter(event=event).values_list("label", flat=True))
    width = max(2, len(str(len(taken) + count)))
    labels: list[str] = []
    number = 1
    while len(labels) < count:
        label = f"{prefix}{number:0{width}d}"
        if label not in taken:
            labels.append(label)
        number += 1
    tables = Table.objects.bulk_create(
        Table(event=event, label=label, virtual=virtual) for label in labels
    )
    audit.record(actor, AuditEntry.Action.UPDATE, event, {"tables_added": count})
    return tables
