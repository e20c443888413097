"""Meetings placed by hand: the organiser moves or pins one, a participant books a free
common slot during the event, the organiser marks no-shows. Every placement is checked
against the hard rules first: ``rules.placement_problems`` asks ``clusterlogic.scheduling``
and words its answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.core.locks import lock_meeting_request, lock_participants
from clusterhub.matchmaking.access import live_pair_requests
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    Table,
)
from clusterhub.matchmaking.rules import placement_problems
from clusterhub.matchmaking.services import Actor
from clusterhub.matchmaking.slots import session_slots


class PlacementRefused(ValueError):
    """The placement breaks a rule; ``problems`` says which, in German, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


def _lock_pair(request: MeetingRequest) -> None:
    # Two placements for the same people at once could otherwise both pass the checks.
    lock_participants(request.sender_id, request.recipient_id)


def move_meeting(meeting: Meeting, slot_id: str, table: Table, *, actor: Actor = None) -> Meeting:
    """Put ``meeting`` at ``table`` in ``slot_id`` and pin it there: later runs of the
    scheduler keep it in place."""
    try:
        with transaction.atomic():
            _lock_pair(meeting.request)
            problems = placement_problems(meeting.request, slot_id, table, moving=meeting)
            if problems:
                raise PlacementRefused(problems)
            meeting.slot_id, meeting.table, meeting.pinned = slot_id, table, True
            meeting.save(update_fields=["slot_id", "table", "pinned"])
    except IntegrityError as error:
        raise PlacementRefused([_("Der Tisch wurde eben anderweitig belegt.")]) from error
    audit.record(actor, AuditEntry.Action.UPDATE, meeting, {"slot": slot_id, "table": table.label})
    return meeting


def bookable_requests(participant: Participant) -> list[MeetingRequest]:
    """The participant's accepted requests that have no meeting yet, with partners still
    taking part."""
    return list(
        live_pair_requests(participant.event_id)
        .filter(
            Q(sender=participant) | Q(recipient=participant),
            status=MeetingRequest.Status.ACCEPTED,
            meeting__isnull=True,
        )
        .select_related(
            "event",
            "sender__registration__person",
            "sender__registration__organisation",
            "recipient__registration__person",
            "recipient__registration__organisation",
        )
        .order_by("pk")
    )


def book_meeting(
    participant: Participant,
    request: MeetingRequest,
    slot_id: str,
    table: Table,
    *,
    now: dt.datetime | None = None,
) -> Meeting:
    """A participant books a free common slot for an accepted request not yet scheduled:
    the meeting is announced (and so kept on re-runs) at once."""
    now = now or timezone.now()
    if participant.pk not in (request.sender_id, request.recipient_id):
        raise PlacementRefused([_("Diese Anfrage gehört nicht zu Ihnen.")])
    slots = {
        slot.id: slot
        for slot in session_slots(MatchmakingSession.objects.filter(event_id=request.event_id))
    }
    if slot_id in slots and slots[slot_id].start <= now:
        raise PlacementRefused([_("Dieses Zeitfenster hat schon begonnen.")])
    try:
        with transaction.atomic():
            _lock_pair(request)
            request = lock_meeting_request(request.pk)
            if request.status != MeetingRequest.Status.ACCEPTED:
                raise PlacementRefused([_("Diese Anfrage ist nicht angenommen.")])
            if Meeting.objects.filter(request=request).exists():
                raise PlacementRefused([_("Für diese Anfrage gibt es schon ein Treffen.")])
            problems = placement_problems(request, slot_id, table)
            if problems:
                raise PlacementRefused(problems)
            meeting = Meeting.objects.create(
                event_id=request.event_id,
                request=request,
                slot_id=slot_id,
                table=table,
                pinned=True,
                announced=True,
            )
    except IntegrityError as error:
        raise PlacementRefused([_("Der Tisch wurde eben anderweitig belegt.")]) from error
    audit.record(None, AuditEntry.Action.CREATE, meeting, {"booked_by": participant.pk})
    return meeting


def mark_no_shows(
    meeting: Meeting, absent: Iterable[Participant], *, actor: Actor = None
) -> list[int]:
    """Record who of the pair did not come (replacing an earlier marking); others are ignored."""
    pair = {meeting.request.sender_id, meeting.request.recipient_id}
    absent_pks = sorted(p.pk for p in absent if p.pk in pair)
    meeting.no_shows.set(absent_pks)
    audit.record(actor, AuditEntry.Action.UPDATE, meeting, {"no_shows": absent_pks})
    return absent_pks
