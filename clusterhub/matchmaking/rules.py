"""The scheduler's hard rules for one meeting placed by hand, with German reasons.

The same rules as ``clusterlogic.scheduling.find_rule_violations`` (``shared/formats/
meetings.md``): both participants free and available in the slot, within their caps, the
table free; an exhibitor meets at their own booth, and booths are not lent to others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from clusterhub.events.models import Event
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    Table,
)
from clusterhub.matchmaking.slots import session_slots
from clusterlogic.scheduling import Slot


@dataclass(frozen=True)
class FreeSlot:
    slot: Slot
    tables: tuple[Table, ...]


def booth_tables(event: Event) -> dict[int, int]:
    """Participant pk → pk of their booth (the first table they own, as the scheduler uses)."""
    booths: dict[int, int] = {}
    for owner_id, table_pk in (
        Table.objects.filter(event=event, owner__isnull=False)
        .order_by("pk")
        .values_list("owner_id", "pk")
    ):
        booths.setdefault(owner_id, table_pk)
    return booths


def allowed_tables(request: MeetingRequest) -> list[Table]:
    """A pair meets at a booth of theirs if either has one, else at any table no one owns."""
    booths = booth_tables(request.event)
    own = {booths[pk] for pk in (request.sender_id, request.recipient_id) if pk in booths}
    tables = Table.objects.filter(event_id=request.event_id).order_by("label", "pk")
    if own:
        return list(tables.filter(pk__in=own))
    return list(tables.exclude(pk__in=set(booths.values())))


def _meetings_of(participant: Participant, moving: Meeting | None) -> list[Meeting]:
    meetings = Meeting.objects.filter(
        Q(request__sender=participant) | Q(request__recipient=participant)
    )
    if moving is not None:
        meetings = meetings.exclude(pk=moving.pk)
    return list(meetings)


def placement_problems(
    request: MeetingRequest, slot_id: str, table: Table, *, moving: Meeting | None = None
) -> list[str]:
    """Why the pair of ``request`` cannot meet at ``table`` in ``slot_id`` (``moving``, the
    meeting being moved, does not count as occupying anything); empty when they can."""
    event = request.event
    slots = {
        slot.id: slot for slot in session_slots(MatchmakingSession.objects.filter(event=event))
    }
    if slot_id not in slots:
        return [_("Dieses Zeitfenster gibt es bei der Veranstaltung nicht.")]
    if table.event_id != event.pk:
        return [_("Dieser Tisch gehört nicht zur Veranstaltung.")]
    problems: list[str] = []
    if table not in allowed_tables(request):
        problems.append(
            _("Tisch %(table)s ist ein Stand und für dieses Treffen nicht vorgesehen.")
            % {"table": table.label}
            if table.owner_id is not None
            and table.owner_id not in (request.sender_id, request.recipient_id)
            else _("Das Treffen findet am eigenen Stand statt, nicht an Tisch %(table)s.")
            % {"table": table.label}
        )
    taken = Meeting.objects.filter(table=table, slot_id=slot_id)
    if moving is not None:
        taken = taken.exclude(pk=moving.pk)
    if taken.exists():
        problems.append(
            _("Tisch %(table)s ist in diesem Zeitfenster schon belegt.") % {"table": table.label}
        )
    for person in (request.sender, request.recipient):
        name = {"name": person.display_name}
        if person.available_slots is not None and slot_id not in person.available_slots:
            problems.append(_("%(name)s ist in diesem Zeitfenster nicht verfügbar.") % name)
        meetings = _meetings_of(person, moving)
        if any(meeting.slot_id == slot_id for meeting in meetings):
            problems.append(_("%(name)s hat in diesem Zeitfenster schon ein Treffen.") % name)
        if person.max_meetings is not None and len(meetings) >= person.max_meetings:
            problems.append(
                _("%(name)s hat schon die gewünschte Höchstzahl von %(count)d Treffen.")
                % {**name, "count": person.max_meetings}
            )
    return problems


def common_free_slots(request: MeetingRequest, *, after: dt.datetime) -> list[FreeSlot]:
    """The slots starting after ``after`` in which the pair could meet, each with its free
    tables; none when either has reached their cap."""
    event = request.event
    pair = (request.sender, request.recipient)
    busy: set[str] = set()
    for person in pair:
        meetings = _meetings_of(person, None)
        if person.max_meetings is not None and len(meetings) >= person.max_meetings:
            return []
        busy.update(meeting.slot_id for meeting in meetings)
    tables = allowed_tables(request)
    occupied = set(
        Meeting.objects.filter(event=event, table__in=tables).values_list("slot_id", "table_id")
    )
    free: list[FreeSlot] = []
    for slot in session_slots(MatchmakingSession.objects.filter(event=event)):
        if slot.start <= after or slot.id in busy:
            continue
        if any(p.available_slots is not None and slot.id not in p.available_slots for p in pair):
            continue
        open_tables = tuple(table for table in tables if (slot.id, table.pk) not in occupied)
        if open_tables:
            free.append(FreeSlot(slot=slot, tables=open_tables))
    return free
