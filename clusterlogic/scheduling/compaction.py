"""Fewer idle gaps by local moves that keep the same meetings: fast, and weight-neutral.

Two moves: a meeting to a better free slot; and a meeting to a better slot where one of its
participants is busy with another meeting, which in turn takes the first one's old slot (a
swap), when that lowers the gaps of everyone involved.

Runs before CP-SAT's gap phase so that CP-SAT starts from a compact schedule (and on large
events, where CP-SAT has little time, it does most of the work).
"""

from __future__ import annotations

import math
import time
from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Occupancy, Placement

MAX_ROUNDS = 20


def _gaps(slots: Iterable[int], sessions: Sequence[int]) -> int:
    ordered = sorted(slots)
    return sum(
        later - earlier - 1
        for earlier, later in pairwise(ordered)
        if sessions[earlier] == sessions[later]
    )


def compact(
    event: Event,
    placements: Sequence[Placement],
    fixed: Collection[int] = (),
    *,
    deadline: float = math.inf,
) -> list[Placement]:
    """Move meetings (other than ``fixed`` ones) while that lowers their participants' gaps.

    Stops early at ``deadline`` (time.monotonic()); every move keeps the schedule valid.
    """
    occupancy = Occupancy(event, placements)
    sessions = event.session_of_slot
    for _ in range(MAX_ROUNDS):
        moved = False
        for meeting in sorted(occupancy.placed):
            if meeting in fixed:
                continue
            if time.monotonic() > deadline:
                return list(occupancy.placed.values())
            people = event.meetings[meeting].participants
            if all(_gaps(occupancy.slots_of[p], sessions) == 0 for p in people):
                continue
            improved = _move(event, occupancy, meeting) or _swap(event, occupancy, meeting, fixed)
            moved = moved or improved
        if not moved:
            break
    return list(occupancy.placed.values())


def _cost(occupancy: Occupancy, people: Iterable[str]) -> int:
    sessions = occupancy.event.session_of_slot
    return sum(_gaps(occupancy.slots_of.get(p, ()), sessions) for p in people)


def _move(event: Event, occupancy: Occupancy, meeting: int) -> bool:
    """Move the meeting to the free slot that leaves its participants the fewest gaps."""
    sessions = event.session_of_slot
    people = event.meetings[meeting].participants
    current = occupancy.remove(meeting)
    best, best_cost = (
        current,
        sum(_gaps(occupancy.slots_of[p] | {current.slot}, sessions) for p in people),
    )
    for slot in event.candidate_slots[meeting]:
        if slot == current.slot:
            continue
        cost = sum(_gaps(occupancy.slots_of[p] | {slot}, sessions) for p in people)
        if cost < best_cost:
            placement = occupancy.first_fit(meeting, slot)
            if placement is not None:
                best, best_cost = placement, cost
    occupancy.add(best)
    return best != current


def _swap(event: Event, occupancy: Occupancy, meeting: int, fixed: Collection[int]) -> bool:
    """Swap slots with a meeting that blocks a better slot, if that lowers the gaps."""
    current = occupancy.placed[meeting]
    people = event.meetings[meeting].participants
    for slot in event.candidate_slots[meeting]:
        if slot == current.slot:
            continue
        blockers = {occupancy.meeting_at.get((p, slot)) for p in people} - {None}
        if len(blockers) != 1:
            continue
        other = blockers.pop()
        if other is None or other in fixed:
            continue
        involved = set(people) | set(event.meetings[other].participants)
        before = _cost(occupancy, involved)
        other_current = occupancy.remove(other)
        occupancy.remove(meeting)
        there = occupancy.first_fit(meeting, slot)
        if there is not None:
            occupancy.add(there)
            back = occupancy.first_fit(other, current.slot)
            if back is not None:
                occupancy.add(back)
                if _cost(occupancy, involved) < before:
                    return True
                occupancy.remove(other)
            occupancy.remove(meeting)
        occupancy.add(current)
        occupancy.add(other_current)
    return False
