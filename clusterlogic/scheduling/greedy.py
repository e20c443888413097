"""A greedy schedule: the baseline of the benchmark, and the first hint for the exact solver."""

from __future__ import annotations

from collections.abc import Iterable

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Occupancy, Placement


def greedy_placements(event: Event, pinned: Iterable[Placement] = ()) -> list[Placement]:
    """Place required meetings first, then by falling weight, each where it is most compact.

    Among the free slots of a meeting it takes the one next to most of its participants'
    other meetings (fewer idle gaps), then the earliest.
    """
    occupancy = Occupancy(event, pinned)
    order = sorted(
        (m for m in range(len(event.meetings)) if m not in occupancy.placed),
        key=lambda m: (
            not event.meetings[m].required,
            -event.meetings[m].weight,
            len(event.candidate_slots[m]),
            m,
        ),
    )
    for meeting in order:
        best: Placement | None = None
        best_score = -1
        for slot in event.candidate_slots[meeting]:
            placement = occupancy.first_fit(meeting, slot)
            if placement is None:
                continue
            score = occupancy.neighbours_busy(meeting, slot)
            if score > best_score:
                best, best_score = placement, score
        if best is not None:
            occupancy.add(best)
    return list(occupancy.placed.values())


def fill_up(event: Event, placements: Iterable[Placement]) -> list[Placement]:
    """Add every meeting that still fits somewhere, so that each one left out has a blocker."""
    return greedy_placements(event, placements)
