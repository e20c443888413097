"""An instance indexed for solving: slot positions, sessions, candidate slots and tables.

Built once per run from a validated instance, and never changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from clusterlogic.scheduling.model import Instance, Meeting, Participant, Slot


def session_numbers(slots: Sequence[Slot]) -> tuple[int, ...]:
    """Number the sessions: slots on one calendar day with no break between them share one."""
    numbers: list[int] = []
    for position, slot in enumerate(slots):
        if position == 0:
            numbers.append(0)
            continue
        previous = slots[position - 1]
        same_session = previous.end == slot.start and previous.start.date() == slot.start.date()
        numbers.append(numbers[-1] if same_session else numbers[-1] + 1)
    return tuple(numbers)


def table_options(
    meeting: Meeting, participants: Mapping[str, Participant], shared_tables: Sequence[str]
) -> tuple[tuple[str, ...], bool]:
    """The tables a meeting may take, and whether they are the shared pool.

    A meeting with an exhibitor takes that exhibitor's booth (either one's if there are several);
    the others share the tables that belong to no participant.
    """
    own = tuple(
        dict.fromkeys(
            table
            for table in (participants[p].table for p in meeting.participants if p in participants)
            if table is not None
        )
    )
    if own:
        return own, False
    return tuple(shared_tables), True


@dataclass(frozen=True)
class Event:
    instance: Instance
    slot_ids: tuple[str, ...]
    slot_position: Mapping[str, int]
    session_of_slot: tuple[int, ...]
    participants: Mapping[str, Participant]
    free_slots: Mapping[str, frozenset[int]]
    shared_tables: tuple[str, ...]
    meeting_position: Mapping[str, int]
    # Per meeting, by position in instance.meetings:
    candidate_slots: tuple[tuple[int, ...], ...]
    own_tables: tuple[tuple[str, ...], ...]  # empty: the meeting uses the shared pool
    meetings_of: Mapping[str, tuple[int, ...]]

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return self.instance.meetings

    def uses_shared_tables(self, meeting: int) -> bool:
        return not self.own_tables[meeting]


def build_event(instance: Instance) -> Event:
    """Index a validated instance (see validation.find_instance_problems)."""
    slot_ids = tuple(slot.id for slot in instance.slots)
    slot_position = {slot_id: position for position, slot_id in enumerate(slot_ids)}
    participants = {p.id: p for p in instance.participants}
    every_slot = frozenset(range(len(slot_ids)))
    free_slots = {
        p.id: every_slot
        if p.available is None
        else frozenset(slot_position[s] for s in p.available if s in slot_position)
        for p in instance.participants
    }
    owned = {p.table for p in instance.participants if p.table is not None}
    shared_tables = tuple(t.id for t in instance.tables if t.id not in owned)
    candidate_slots = []
    own_tables = []
    meetings_of: dict[str, list[int]] = {p.id: [] for p in instance.participants}
    for position, meeting in enumerate(instance.meetings):
        common = every_slot.intersection(*(free_slots[p] for p in meeting.participants))
        candidate_slots.append(tuple(sorted(common)))
        tables, shared = table_options(meeting, participants, shared_tables)
        own_tables.append(() if shared else tables)
        for participant in meeting.participants:
            meetings_of[participant].append(position)
    return Event(
        instance=instance,
        slot_ids=slot_ids,
        slot_position=slot_position,
        session_of_slot=session_numbers(instance.slots),
        participants=participants,
        free_slots=free_slots,
        shared_tables=shared_tables,
        meeting_position={m.id: position for position, m in enumerate(instance.meetings)},
        candidate_slots=tuple(candidate_slots),
        own_tables=tuple(own_tables),
        meetings_of={p: tuple(ms) for p, ms in meetings_of.items()},
    )


def count_idle_gaps(
    meetings: Sequence[Meeting],
    slot_position: Mapping[str, int],
    session_of_slot: Sequence[int],
    placed: Iterable[tuple[int, str]],
) -> int:
    """Unused slots lying between two meetings of one participant in one session, summed.

    ``placed`` holds (meeting position, slot id) pairs.
    """
    busy: dict[str, list[int]] = {}
    for meeting, slot in placed:
        for participant in meetings[meeting].participants:
            busy.setdefault(participant, []).append(slot_position[slot])
    gaps = 0
    for positions in busy.values():
        positions.sort()
        for earlier, later in pairwise(positions):
            if session_of_slot[earlier] == session_of_slot[later]:
                gaps += later - earlier - 1
    return gaps
