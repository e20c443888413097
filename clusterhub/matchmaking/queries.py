"""Reads for the matchmaking pages: the participant list, requests, agendas, the grid."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from clusterhub.events.models import Event
from clusterhub.matchmaking.access import (
    active_participants,
    live_pair_requests,
    with_active_partner,
)
from clusterhub.matchmaking.history import EarlierMeeting, met_before, pair_of
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    ScheduleRun,
    Table,
)
from clusterhub.matchmaking.slots import session_slots
from clusterlogic.scheduling import Slot


@dataclass(frozen=True)
class DirectoryEntry:
    participant: Participant
    # The live request between the two, if any (either direction).
    request: MeetingRequest | None
    # Their latest meeting at an earlier event of the agency, if they met before.
    earlier: EarlierMeeting | None = None


@dataclass(frozen=True)
class AgendaEntry:
    slot: Slot
    table: Table
    partner: Participant
    meeting: Meeting


@dataclass(frozen=True)
class GridRow:
    slot: Slot
    cells: tuple[Meeting | None, ...]


@dataclass(frozen=True)
class Grid:
    tables: tuple[Table, ...]
    rows: tuple[GridRow, ...]


def directory_for(participant: Participant) -> list[DirectoryEntry]:
    """The event's other participants, each with the live request between the two and
    where they met before, if they did."""
    others = (
        active_participants(participant.event_id)
        .exclude(pk=participant.pk)
        .select_related("registration__person", "registration__organisation")
        .order_by("registration__last_name", "pk")
    )
    live = MeetingRequest.objects.filter(status__in=MeetingRequest.LIVE).filter(
        Q(sender=participant) | Q(recipient=participant)
    )
    by_partner: dict[int, MeetingRequest] = {}
    for request in live:
        partner_id = (
            request.recipient_id if request.sender_id == participant.pk else request.sender_id
        )
        by_partner[partner_id] = request
    repeat_pairs = met_before(participant.event)
    return [
        DirectoryEntry(
            participant=other,
            request=by_partner.get(other.pk),
            earlier=repeat_pairs.get(pair_of(participant.pk, other.pk)),
        )
        for other in others
    ]


def received_requests(participant: Participant) -> list[MeetingRequest]:
    """Requests to the participant from those still taking part."""
    return list(
        live_pair_requests(participant.event_id)
        .filter(recipient=participant)
        .select_related("sender__registration__person", "sender__registration__organisation")
        .order_by("-created_at", "-id")
    )


def sent_requests(participant: Participant) -> list[MeetingRequest]:
    """Requests from the participant to those still taking part."""
    return list(
        live_pair_requests(participant.event_id)
        .filter(sender=participant)
        .select_related("recipient__registration__person")
        .order_by("-created_at", "-id")
    )


def event_slots(event: Event) -> tuple[Slot, ...]:
    return session_slots(MatchmakingSession.objects.filter(event=event))


def agenda_of(participant: Participant, *, announced_only: bool = True) -> list[AgendaEntry]:
    """The participant's meetings in time order, with table and partner; a meeting with
    someone who has cancelled no longer counts."""
    meetings = Meeting.objects.filter(with_active_partner(participant)).select_related(
        "table",
        "request__sender__registration__person",
        "request__sender__registration__organisation",
        "request__recipient__registration__person",
        "request__recipient__registration__organisation",
    )
    if announced_only:
        meetings = meetings.filter(announced=True)
    slots = {slot.id: slot for slot in event_slots(participant.event)}
    entries = [
        AgendaEntry(
            slot=slots[meeting.slot_id],
            table=meeting.table,
            partner=(
                meeting.request.recipient
                if meeting.request.sender_id == participant.pk
                else meeting.request.sender
            ),
            meeting=meeting,
        )
        for meeting in meetings
        if meeting.slot_id in slots
    ]
    return sorted(entries, key=lambda entry: entry.slot.start)


def schedule_grid(event: Event) -> Grid:
    """The schedule as slots × tables."""
    tables = tuple(Table.objects.filter(event=event).order_by("label", "pk"))
    placed = {
        (meeting.slot_id, meeting.table_id): meeting
        for meeting in Meeting.objects.filter(event=event)
        .select_related(
            "request__sender__registration__person", "request__recipient__registration__person"
        )
        .prefetch_related("no_shows")
    }
    rows = tuple(
        GridRow(slot=slot, cells=tuple(placed.get((slot.id, table.pk)) for table in tables))
        for slot in event_slots(event)
    )
    return Grid(tables=tables, rows=rows)


def organiser_overview(event: Event) -> dict[str, object]:
    """What the organiser's page shows of the event's matchmaking."""
    meetings = Meeting.objects.filter(event=event)
    return {
        "sessions": MatchmakingSession.objects.filter(event=event),
        "tables": Table.objects.filter(event=event).select_related("owner__registration__person"),
        "participants": Participant.objects.filter(event=event).select_related(
            "registration__person"
        ),
        "meeting_count": meetings.count(),
        "announced_count": meetings.filter(announced=True).count(),
        "latest_run": ScheduleRun.objects.filter(event=event).first(),
    }
