"""More weight by moving meetings aside: what the realisation and fill-up could not place.

After the session LP's plan is realised slot by slot and the rest filled in, the meetings
left out are mostly blocked by a clash of slots, not by a lack of room: each of the two
participants still has free slots, only not the same ones. One move often frees a slot:
take the meetings that block a left-out meeting in one of its slots (at most one per
participant, plus the one holding a booth it needs), put the left-out meeting there, and
put each blocker into another slot where it fits. A blocker that fits nowhere is dropped
when the left-out meeting weighs more (a trade that gains weight), and comes back to the
queue.

Left-out meetings are tried by their LP price: weight minus what their participants'
capacity rows are worth (the LP duals), the most valuable first; without duals, by weight.
Every move keeps every rule (Occupancy checks each placement); fixed (pinned) meetings
never move. Stops at ``deadline``, once the required meetings left out have been tried.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Collection, Mapping, Sequence

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Occupancy, Placement

MAX_ROUNDS = 4


def _blockers(occupancy: Occupancy, meeting: int, slot: int) -> set[int] | None:
    """The placed meetings that stand in the way of ``meeting`` in ``slot`` (its participants'
    caps aside); None when moving meetings aside cannot help (the shared pool stays full)."""
    event = occupancy.event
    blockers: set[int] = set()
    for person in event.meetings[meeting].participants:
        other = occupancy.meeting_at.get((person, slot))
        if other is not None:
            blockers.add(other)
    if event.uses_shared_tables(meeting):
        sharing = sum(1 for b in blockers if event.uses_shared_tables(b))
        if occupancy.shared_in_slot[slot] - sharing >= len(event.shared_tables):
            return None
    else:
        holders = [
            occupancy.meeting_at_table[(table, slot)]
            for table in event.own_tables[meeting]
            if (table, slot) in occupancy.meeting_at_table
        ]
        if len(holders) == len(event.own_tables[meeting]):
            # Every booth it may use is taken: free the one whose holder is easiest to move.
            blockers.add(holders[0])
    return blockers


def _at_cap(occupancy: Occupancy, meeting: int) -> bool:
    event = occupancy.event
    for person in event.meetings[meeting].participants:
        limit = event.participants[person].max_meetings
        if limit is not None and occupancy.meeting_count[person] >= limit:
            return True
    return False


def _trade_for(occupancy: Occupancy, meeting: int, fixed: Collection[int]) -> bool:
    """A required meeting whose participant has its max_meetings: drop that participant's
    lightest optional meeting to make room, if the required one then fits somewhere."""
    event = occupancy.event
    dropped: list[Placement] = []
    for person in event.meetings[meeting].participants:
        limit = event.participants[person].max_meetings
        if limit is None or occupancy.meeting_count[person] < limit:
            continue
        optional = [
            occupancy.meeting_at[(person, slot)]
            for slot in occupancy.slots_of.get(person, ())
            if occupancy.meeting_at[(person, slot)] not in fixed
            and not event.meetings[occupancy.meeting_at[(person, slot)]].required
        ]
        if not optional:
            break
        lightest = min(optional, key=lambda m: (event.meetings[m].weight, m))
        dropped.append(occupancy.remove(lightest))
    if not _at_cap(occupancy, meeting):
        for slot in event.candidate_slots[meeting]:
            if _try_insert(occupancy, meeting, slot, fixed) is not None:
                return True
    for placement in dropped:
        occupancy.add(placement)
    return False


def _try_insert(
    occupancy: Occupancy, meeting: int, slot: int, fixed: Collection[int]
) -> list[int] | None:
    """Place ``meeting`` in ``slot``, moving its blockers elsewhere; returns the blockers that
    found no other slot (dropped) when the move gains weight, None (and no change) otherwise."""
    event = occupancy.event
    blockers = _blockers(occupancy, meeting, slot)
    if blockers is None or blockers & set(fixed):
        return None
    weight = event.meetings[meeting].weight
    removed = [occupancy.remove(b) for b in blockers]
    here = occupancy.first_fit(meeting, slot)
    if here is None:
        for placement in removed:
            occupancy.add(placement)
        return None
    occupancy.add(here)
    moved: list[Placement] = []
    dropped: list[int] = []
    for old in removed:
        new = _best_other_slot(occupancy, old)
        if new is None:
            dropped.append(old.meeting)
        else:
            occupancy.add(new)
            moved.append(new)
    lost = math.fsum(event.meetings[m].weight for m in dropped)
    gains = lost < weight - 1e-9 or event.meetings[meeting].required
    if gains and not any(event.meetings[m].required for m in dropped):
        return dropped
    for placement in moved:
        occupancy.remove(placement.meeting)
    occupancy.remove(meeting)
    for placement in removed:
        occupancy.add(placement)
    return None


def _best_other_slot(occupancy: Occupancy, old: Placement) -> Placement | None:
    """A valid placement of the meeting in another slot, next to most of its participants'
    meetings (fewer idle gaps)."""
    best: Placement | None = None
    best_score = -1
    for slot in occupancy.event.candidate_slots[old.meeting]:
        if slot == old.slot:
            continue
        placement = occupancy.first_fit(old.meeting, slot)
        if placement is None:
            continue
        score = occupancy.neighbours_busy(old.meeting, slot)
        if score > best_score:
            best, best_score = placement, score
    return best


def insert_left_out(
    event: Event,
    placements: Sequence[Placement],
    *,
    fixed: Collection[int] = (),
    prices: Mapping[int, float] | None = None,
    deadline: float = math.inf,
    stop: Callable[[], bool] | None = None,
) -> list[Placement]:
    """``placements`` plus left-out meetings placed by moving (or trading) others; never less
    weight, every rule kept. ``prices``: per meeting, its LP price (higher: tried first);
    ``stop``: ends the search early when it says so (like the deadline)."""
    occupancy = Occupancy(event, placements)
    fixed = set(fixed)
    for _ in range(MAX_ROUNDS):
        left_out = [
            m
            for m in range(len(event.meetings))
            if m not in occupancy.placed and event.candidate_slots[m]
        ]
        left_out.sort(key=lambda m: (-(prices or {}).get(m, event.meetings[m].weight), m))
        gained = False
        for meeting in left_out:
            # Required meetings come first and are few: they are tried even past the
            # deadline, as a schedule without them is no schedule.
            late = time.monotonic() > deadline or (stop is not None and stop())
            if late and not event.meetings[meeting].required:
                return list(occupancy.placed.values())
            if meeting in occupancy.placed:
                continue
            if _at_cap(occupancy, meeting):
                if event.meetings[meeting].required and _trade_for(occupancy, meeting, fixed):
                    gained = True
                continue
            for slot in event.candidate_slots[meeting]:
                if _try_insert(occupancy, meeting, slot, fixed) is not None:
                    gained = True
                    break
        if not gained:
            break
    return list(occupancy.placed.values())
