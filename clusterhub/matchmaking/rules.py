"""The bridge to the meeting rules of ``clusterlogic.scheduling``: the plain instance and the
current schedule of an event, and the rules' findings worded for people.

The rules themselves live only in ``clusterlogic.scheduling.rules``; every computed schedule,
every move by the organiser and every booking by a participant is checked there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from clusterhub.events.models import Event
from clusterhub.matchmaking.access import active_participants, live_pair_requests
from clusterhub.matchmaking.history import REPEAT_WEIGHT, Pair, met_before, pair_of
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    Table,
)
from clusterhub.matchmaking.slots import session_slots
from clusterlogic import scheduling
from clusterlogic.scheduling import Rule, RuleViolation, Slot


@dataclass(frozen=True)
class FreeSlot:
    slot: Slot
    tables: tuple[Table, ...]


def participant_id(pk: int) -> str:
    return f"p{pk}"


def table_id(pk: int) -> str:
    return f"t{pk}"


def meeting_id(request_pk: int) -> str:
    return f"r{request_pk}"


def pk_of(plain_id: str) -> int:
    return int(plain_id[1:])


def booth_tables(event: Event) -> dict[int, int]:
    """Participant pk → pk of their booth (the first table they own)."""
    booths: dict[int, int] = {}
    for owner_id, table_pk in (
        Table.objects.filter(event=event, owner__isnull=False)
        .order_by("pk")
        .values_list("owner_id", "pk")
    ):
        booths.setdefault(owner_id, table_pk)
    return booths


def build_instance(event: Event) -> scheduling.Instance:
    """The plain scheduling instance: the event's slots and tables, its participants still
    holding a place with their free slots, caps and booths, and one meeting per accepted
    request between two of them: mutual ones weigh 2, one-sided ones 1, or ``REPEAT_WEIGHT``
    for a pair who met at an earlier event."""
    slots = session_slots(MatchmakingSession.objects.filter(event=event))
    slot_ids = {slot.id for slot in slots}
    booths = {owner: table_id(table_pk) for owner, table_pk in booth_tables(event).items()}
    repeat_pairs = met_before(event)
    participants = tuple(
        scheduling.Participant(
            id=participant_id(participant.pk),
            available=(
                None
                if participant.available_slots is None
                else frozenset(participant.available_slots) & slot_ids
            ),
            max_meetings=participant.max_meetings,
            table=booths.get(participant.pk),
        )
        for participant in active_participants(event).order_by("pk")
    )
    meetings = tuple(
        scheduling.Meeting(
            id=meeting_id(request.pk),
            participants=(participant_id(request.sender_id), participant_id(request.recipient_id)),
            weight=_request_weight(request, repeat_pairs),
        )
        for request in live_pair_requests(event)
        .filter(status=MeetingRequest.Status.ACCEPTED)
        .order_by("pk")
    )
    tables = Table.objects.filter(event=event).order_by("pk").values_list("pk", flat=True)
    return scheduling.Instance(
        slots=slots,
        tables=tuple(scheduling.Table(id=table_id(pk)) for pk in tables),
        participants=participants,
        meetings=meetings,
    )


def _request_weight(request: MeetingRequest, repeat_pairs: Mapping[Pair, object]) -> float:
    if request.mutual:
        return 2.0
    if pair_of(request.sender_id, request.recipient_id) in repeat_pairs:
        return REPEAT_WEIGHT
    return 1.0


def as_assignment(request_pk: int, slot: str, table_pk: int) -> scheduling.Assignment:
    return scheduling.Assignment(meeting_id(request_pk), slot, table_id(table_pk))


def stored_schedule(event: Event, *, without: Meeting | None = None) -> list[scheduling.Assignment]:
    """The event's stored meetings as assignments (``without`` one, the meeting being moved)."""
    meetings = Meeting.objects.filter(event=event)
    if without is not None:
        meetings = meetings.exclude(pk=without.pk)
    return [
        as_assignment(request_pk, slot, table_pk)
        for request_pk, slot, table_pk in meetings.order_by("pk").values_list(
            "request_id", "slot_id", "table_id"
        )
    ]


def placement_problems(
    request: MeetingRequest, slot_id: str, table: Table, *, moving: Meeting | None = None
) -> list[str]:
    """Why the pair of ``request`` cannot meet at ``table`` in ``slot_id`` (``moving``, the
    meeting being moved, does not count as occupying anything); empty when they can."""
    event = request.event
    instance = build_instance(event)
    found = scheduling.placement_violations(
        instance,
        stored_schedule(event, without=moving),
        as_assignment(request.pk, slot_id, table.pk),
    )
    return worded_violations(found, event)


def common_free_slots(request: MeetingRequest, *, after: dt.datetime) -> list[FreeSlot]:
    """The slots starting after ``after`` in which the pair could meet, each with its free
    tables; none when either has reached their cap."""
    event = request.event
    instance = build_instance(event)
    options = scheduling.free_placements(instance, stored_schedule(event), meeting_id(request.pk))
    if not options:
        return []
    tables = {table.pk: table for table in Table.objects.filter(event=event)}
    slots = {slot.id: slot for slot in instance.slots}
    return [
        FreeSlot(
            slot=slots[slot],
            tables=tuple(
                sorted(
                    (tables[pk_of(plain)] for plain in free),
                    key=lambda table: (table.label, table.pk),
                )
            ),
        )
        for slot, free in options
        if slots[slot].start > after
    ]


def worded_violations(violations: Iterable[RuleViolation], event: Event) -> list[str]:
    """The rules' findings as sentences for the organiser or the participant (German, or
    English where the page is English); each finding once."""
    found = list(dict.fromkeys(violations))
    participant_pks = {pk_of(v.participant) for v in found if v.participant}
    table_pks = {pk_of(v.table) for v in found if v.table}
    names = {
        participant.pk: participant.display_name
        for participant in Participant.objects.filter(
            event=event, pk__in=participant_pks
        ).select_related("registration__person")
    }
    labels = dict(Table.objects.filter(event=event, pk__in=table_pks).values_list("pk", "label"))
    return [
        _word(
            violation,
            name=names.get(pk_of(violation.participant), "") if violation.participant else "",
            table=labels.get(pk_of(violation.table), "") if violation.table else "",
        )
        for violation in found
    ]


def _word(violation: RuleViolation, *, name: str, table: str) -> str:
    rule = violation.rule
    if rule == Rule.UNKNOWN_MEETING:
        return _(
            "Dieses Treffen kann nicht eingeplant werden: Die Anfrage ist nicht angenommen, "
            "oder jemand nimmt nicht mehr teil."
        )
    if rule == Rule.UNKNOWN_SLOT:
        return _("Dieses Zeitfenster gibt es bei der Veranstaltung nicht.")
    if rule == Rule.UNKNOWN_TABLE:
        return _("Dieser Tisch gehört nicht zur Veranstaltung.")
    if rule == Rule.ANOTHERS_BOOTH:
        return _("Tisch %(table)s ist ein Stand und für dieses Treffen nicht vorgesehen.") % {
            "table": table
        }
    if rule == Rule.OWN_BOOTH_REQUIRED:
        return _("Das Treffen findet am eigenen Stand statt, nicht an Tisch %(table)s.") % {
            "table": table
        }
    if rule == Rule.NOT_AVAILABLE:
        return _("%(name)s ist in diesem Zeitfenster nicht verfügbar.") % {"name": name}
    if rule == Rule.DOUBLE_BOOKED:
        return _("%(name)s hat in diesem Zeitfenster schon ein Treffen.") % {"name": name}
    if rule == Rule.TABLE_TAKEN:
        return _("Tisch %(table)s ist in diesem Zeitfenster schon belegt.") % {"table": table}
    if rule == Rule.OVER_LIMIT:
        return _("%(name)s hat schon die gewünschte Höchstzahl von %(count)d Treffen.") % {
            "name": name,
            "count": violation.limit,
        }
    if rule == Rule.SCHEDULED_TWICE:
        return _("Für diese Anfrage gibt es schon ein Treffen.")
    return _("Ein verbindliches Treffen ist nicht eingeplant.")
