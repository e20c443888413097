"""The scheduling problem as a 0/1 program, shared by the exact solver and the LP bound.

A column is one way to hold a meeting: a slot, and an own table or the shared pool. Because
shared tables are interchangeable, a meeting in the pool gets no table column of its own; a
row per slot caps the pool's meetings at the number of shared tables instead, and tables are
handed out at the end. That keeps the model at (meetings x slots) columns, not x tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Placement


@dataclass(frozen=True)
class Formulation:
    columns: tuple[Placement, ...]
    # Per meeting: its columns; at most one is chosen, exactly one if required or pinned.
    meeting_columns: tuple[tuple[int, ...], ...]
    must_place: tuple[bool, ...]
    # (columns, limit): a participant once per slot, a participant's max_meetings,
    # an own table once per slot, the shared pool per slot.
    capacity_rows: tuple[tuple[tuple[int, ...], int], ...]
    # Per participant, per slot: its columns there (for idle gaps).
    participant_slot_columns: Mapping[str, Mapping[int, tuple[int, ...]]]


def formulate(
    event: Event,
    pins: Mapping[int, Placement],
    keep: Collection[int] | None = None,
    slots: Collection[int] | None = None,
) -> Formulation:
    """Columns for every meeting; a pinned meeting gets just its pinned slot and table.

    With ``keep``, only those meetings get columns, and each must be placed; with ``slots``,
    only those slots are used (to rearrange part of a schedule, e.g. one session).
    """
    columns: list[Placement] = []
    meeting_columns: list[tuple[int, ...]] = []
    by_participant_slot: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_participant: dict[str, list[int]] = defaultdict(list)
    by_table_slot: dict[tuple[str, int], list[int]] = defaultdict(list)
    shared_by_slot: dict[int, list[int]] = defaultdict(list)
    for meeting in range(len(event.meetings)):
        if keep is not None and meeting not in keep:
            meeting_columns.append(())
            continue
        pin = pins.get(meeting)
        shared = event.uses_shared_tables(meeting)
        if pin is not None:
            options = [Placement(meeting, pin.slot, None if shared else pin.table)]
        else:
            tables: tuple[str | None, ...] = (None,) if shared else event.own_tables[meeting]
            options = [
                Placement(meeting, slot, table)
                for slot in event.candidate_slots[meeting]
                if slots is None or slot in slots
                for table in tables
            ]
        own = []
        for placement in options:
            column = len(columns)
            columns.append(placement)
            own.append(column)
            for participant in event.meetings[meeting].participants:
                by_participant_slot[participant][placement.slot].append(column)
                by_participant[participant].append(column)
            if placement.table is None:
                shared_by_slot[placement.slot].append(column)
            else:
                by_table_slot[(placement.table, placement.slot)].append(column)
        meeting_columns.append(tuple(own))

    rows: list[tuple[tuple[int, ...], int]] = []
    for slots in by_participant_slot.values():
        rows += [(tuple(cols), 1) for cols in slots.values() if len(cols) > 1]
    for participant, cols in by_participant.items():
        limit = event.participants[participant].max_meetings
        if limit is not None and len(cols) > limit:
            rows.append((tuple(cols), limit))
    rows += [(tuple(cols), 1) for cols in by_table_slot.values() if len(cols) > 1]
    pool = len(event.shared_tables)
    rows += [(tuple(cols), pool) for cols in shared_by_slot.values() if len(cols) > pool]
    return Formulation(
        columns=tuple(columns),
        meeting_columns=tuple(meeting_columns),
        must_place=tuple(
            event.meetings[m].required or m in pins or (keep is not None and m in keep)
            for m in range(len(event.meetings))
        ),
        capacity_rows=tuple(rows),
        participant_slot_columns={
            p: {slot: tuple(cols) for slot, cols in slots.items()}
            for p, slots in by_participant_slot.items()
        },
    )
