"""Who and which table is taken when, for building schedules one meeting at a time.

Shared by the greedy baseline, the checking of pins and the final fill-up; the solver itself
states the same rules as constraints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from clusterlogic.scheduling.event import Event


@dataclass(frozen=True)
class Placement:
    meeting: int  # position in instance.meetings
    slot: int  # position in instance.slots
    # An own table, a pinned shared table, or None: any free shared table, chosen at the end.
    table: str | None


class Occupancy:
    def __init__(self, event: Event, placements: Iterable[Placement] = ()) -> None:
        self.event = event
        self.busy: set[tuple[str, int]] = set()
        self.meeting_count: Counter[str] = Counter()
        self.table_busy: set[tuple[str, int]] = set()
        self.shared_in_slot: Counter[int] = Counter()
        self.placed: dict[int, Placement] = {}
        self.slots_of: dict[str, set[int]] = {}
        # Which meeting a participant is in, in a slot.
        self.meeting_at: dict[tuple[str, int], int] = {}
        # Which meeting holds a table (an own or pinned one), in a slot.
        self.meeting_at_table: dict[tuple[str, int], int] = {}
        for placement in placements:
            self.add(placement)

    def conflict(self, placement: Placement) -> str | None:
        """Why the placement cannot be added, or None when it can."""
        event = self.event
        meeting = event.meetings[placement.meeting]
        slot_id = event.slot_ids[placement.slot]
        if placement.meeting in self.placed:
            return f"{meeting.id} is already placed"
        if placement.slot not in event.candidate_slots[placement.meeting]:
            away = [p for p in meeting.participants if placement.slot not in event.free_slots[p]]
            return f"{', '.join(away)} not available in {slot_id}"
        for participant in meeting.participants:
            if (participant, placement.slot) in self.busy:
                return f"{participant} has another meeting in {slot_id}"
            limit = event.participants[participant].max_meetings
            if limit is not None and self.meeting_count[participant] >= limit:
                return f"{participant} already has its {limit} meetings (max_meetings)"
        shared = event.uses_shared_tables(placement.meeting)
        if placement.table is not None:
            allowed = event.shared_tables if shared else event.own_tables[placement.meeting]
            if placement.table not in allowed:
                return f"{meeting.id} may not take table {placement.table}"
            if (placement.table, placement.slot) in self.table_busy:
                return f"table {placement.table} is taken in {slot_id}"
        if shared and self.shared_in_slot[placement.slot] >= len(event.shared_tables):
            return f"no shared table is free in {slot_id}"
        return None

    def first_fit(self, meeting: int, slot: int) -> Placement | None:
        """A placement of the meeting in the slot that keeps every rule, if there is one."""
        if self.event.uses_shared_tables(meeting):
            options: tuple[str | None, ...] = (None,)
        else:
            options = self.event.own_tables[meeting]
        for table in options:
            placement = Placement(meeting, slot, table)
            if self.conflict(placement) is None:
                return placement
        return None

    def add(self, placement: Placement) -> None:
        event = self.event
        for participant in event.meetings[placement.meeting].participants:
            self.busy.add((participant, placement.slot))
            self.meeting_count[participant] += 1
            self.slots_of.setdefault(participant, set()).add(placement.slot)
            self.meeting_at[(participant, placement.slot)] = placement.meeting
        if placement.table is not None:
            self.table_busy.add((placement.table, placement.slot))
            self.meeting_at_table[(placement.table, placement.slot)] = placement.meeting
        if event.uses_shared_tables(placement.meeting):
            self.shared_in_slot[placement.slot] += 1
        self.placed[placement.meeting] = placement

    def remove(self, meeting: int) -> Placement:
        event = self.event
        placement = self.placed.pop(meeting)
        for participant in event.meetings[meeting].participants:
            self.busy.discard((participant, placement.slot))
            self.meeting_count[participant] -= 1
            self.slots_of[participant].discard(placement.slot)
            del self.meeting_at[(participant, placement.slot)]
        if placement.table is not None:
            self.table_busy.discard((placement.table, placement.slot))
            del self.meeting_at_table[(placement.table, placement.slot)]
        if event.uses_shared_tables(meeting):
            self.shared_in_slot[placement.slot] -= 1
        return placement

    def neighbours_busy(self, meeting: int, slot: int) -> int:
        """How many of its participants meet right before or after the slot, in the same session."""
        sessions = self.event.session_of_slot
        count = 0
        for participant in self.event.meetings[meeting].participants:
            for neighbour in (slot - 1, slot + 1):
                if (
                    0 <= neighbour < len(sessions)
                    and sessions[neighbour] == sessions[slot]
                    and (participant, neighbour) in self.busy
                ):
                    count += 1
        return count
