"""Turning the session LP's plan into slots, session by session.

Within a session the planned meetings form a graph in which each participant has at most as
many meetings as free slots; giving each meeting a slot is edge colouring under table limits.
A greedy pass that colours the hardest edges first places about 99% of the planned weight
(measured on the summit: CP-SAT, hinted with it, added almost nothing in seconds per session,
so it is not used here). Every placement is checked against what pins and earlier sessions
already hold (busy participants, tables, meeting caps), so the result keeps every rule.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Occupancy, Placement


def _greedy(
    event: Event, occupancy: Occupancy, meetings: Sequence[int], slots: set[int]
) -> list[Placement]:
    """The meetings placed one by one, hardest first, each where the shared pool is emptiest.

    Hardest: required, then whose participants have the most planned meetings in the session
    (a participant with as many meetings as slots must meet in every one of them), then the
    heaviest. Filling the emptiest slot of the pool keeps room in every slot for later ones;
    among equally full slots it takes the one next to most of the participants' meetings.
    """
    degree = Counter(p for m in meetings for p in event.meetings[m].participants)
    order = sorted(
        meetings,
        key=lambda m: (
            not event.meetings[m].required,
            -sum(degree[p] for p in event.meetings[m].participants),
            -event.meetings[m].weight,
            m,
        ),
    )
    trial = Occupancy(event, occupancy.placed.values())
    placed = []
    for meeting in order:
        best: Placement | None = None
        best_key = (0, 0)
        for slot in event.candidate_slots[meeting]:
            placement = trial.first_fit(meeting, slot) if slot in slots else None
            if placement is None:
                continue
            load = trial.shared_in_slot[slot] if placement.table is None else 0
            key = (load, -trial.neighbours_busy(meeting, slot))
            if best is None or key < best_key:
                best, best_key = placement, key
        if best is not None:
            trial.add(best)
            placed.append(best)
    return placed


def realize_plan(
    event: Event,
    fixed: Sequence[Placement],
    session_of: Mapping[int, int],
    *,
    deadline: float,
) -> list[Placement]:
    """``fixed`` plus as much planned weight as fits, each meeting in a slot of its session.

    Sessions not reached by ``deadline`` (time.monotonic()) are left out.
    """
    occupancy = Occupancy(event, fixed)
    by_session: dict[int, list[int]] = defaultdict(list)
    for meeting, session in session_of.items():
        if meeting not in occupancy.placed:
            by_session[session].append(meeting)
    for session in sorted(by_session):
        if time.monotonic() > deadline:
            break
        slots = {s for s, n in enumerate(event.session_of_slot) if n == session}
        for placement in _greedy(event, occupancy, by_session[session], slots):
            if occupancy.conflict(placement) is None:
                occupancy.add(placement)
    return list(occupancy.placed.values())
