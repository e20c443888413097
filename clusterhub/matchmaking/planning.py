"""The organiser's writes: running the scheduler on the accepted requests, publishing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Q

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.events.models import Event
from clusterhub.matchmaking.history import REPEAT_WEIGHT, Pair, met_before, pair_of
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    Table,
)
from clusterhub.matchmaking.rules import booth_tables
from clusterhub.matchmaking.services import expire_requests
from clusterhub.matchmaking.slots import session_slots
from clusterlogic import scheduling

Actor = AbstractBaseUser | AnonymousUser | None


@dataclass(frozen=True)
class ScheduleOutcome:
    scheduled: int
    unscheduled: tuple[scheduling.Unscheduled, ...]
    released: tuple[scheduling.Unscheduled, ...]
    stats: scheduling.ScheduleStats


def time_limit() -> float:
    return float(getattr(settings, "CLUSTERHUB_MATCHMAKING_TIME_LIMIT", 10))


def background_time_limit() -> float:
    """The solver's limit in a background run, where no web request waits for it."""
    return float(getattr(settings, "CLUSTERHUB_MATCHMAKING_BACKGROUND_TIME_LIMIT", 60))


def _participant_id(pk: int) -> str:
    return f"p{pk}"


def _table_id(pk: int) -> str:
    return f"t{pk}"


def _meeting_id(pk: int) -> str:
    return f"r{pk}"


def build_instance(event: Event) -> scheduling.Instance:
    """The plain scheduling instance: the event's slots and tables, its participants with
    their free slots, caps and booths, and one meeting per accepted request: mutual ones
    weigh 2, one-sided ones 1, or ``REPEAT_WEIGHT`` for a pair who met at an earlier event."""
    slots = session_slots(MatchmakingSession.objects.filter(event=event))
    slot_ids = {slot.id for slot in slots}
    tables = list(Table.objects.filter(event=event).order_by("pk"))
    booths = {owner: _table_id(table_pk) for owner, table_pk in booth_tables(event).items()}
    repeat_pairs = met_before(event)
    participants = tuple(
        scheduling.Participant(
            id=_participant_id(participant.pk),
            available=(
                None
                if participant.available_slots is None
                else frozenset(participant.available_slots) & slot_ids
            ),
            max_meetings=participant.max_meetings,
            table=booths.get(participant.pk),
        )
        for participant in Participant.objects.filter(event=event).order_by("pk")
    )
    meetings = tuple(
        scheduling.Meeting(
            id=_meeting_id(request.pk),
            participants=(
                _participant_id(request.sender_id),
                _participant_id(request.recipient_id),
            ),
            weight=_request_weight(request, repeat_pairs),
        )
        for request in MeetingRequest.objects.filter(
            event=event, status=MeetingRequest.Status.ACCEPTED
        ).order_by("pk")
    )
    return scheduling.Instance(
        slots=slots,
        tables=tuple(scheduling.Table(id=_table_id(table.pk)) for table in tables),
        participants=participants,
        meetings=meetings,
    )


def _request_weight(request: MeetingRequest, repeat_pairs: Mapping[Pair, object]) -> float:
    if request.mutual:
        return 2.0
    if pair_of(request.sender_id, request.recipient_id) in repeat_pairs:
        return REPEAT_WEIGHT
    return 1.0


def compute_schedule(
    event: Event, *, actor: Actor = None, seconds: float | None = None
) -> ScheduleOutcome:
    """Schedule the accepted requests and store the meetings. Pinned and announced meetings
    stay where they are while still valid; only free slots are filled around them. The
    solver stops after ``seconds`` (``time_limit()`` when not given).

    Raises ``scheduling.SchedulingError`` (naming the meetings at fault); then nothing changes.
    """
    expire_requests(event)
    instance = build_instance(event)
    kept = list(Meeting.objects.filter(event=event).filter(Q(pinned=True) | Q(announced=True)))
    pins = [
        scheduling.Assignment(
            meeting=_meeting_id(meeting.request_id),
            slot=meeting.slot_id,
            table=_table_id(meeting.table_id),
        )
        for meeting in kept
    ]
    schedule = scheduling.schedule_meetings(
        instance, time_limit=seconds or time_limit(), pinned=pins
    )
    placed = {
        int(assignment.meeting[1:]): (assignment.slot, int(assignment.table[1:]))
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
