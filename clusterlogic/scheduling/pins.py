"""Keeping an announced schedule in place: which of its assignments are still valid."""

from __future__ import annotations

from collections.abc import Sequence

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.model import Assignment, Unscheduled
from clusterlogic.scheduling.occupancy import Occupancy, Placement


def keep_valid_pins(
    event: Event, pinned: Sequence[Assignment]
) -> tuple[list[Placement], list[Unscheduled]]:
    """The pinned assignments that still keep every rule, in their order, and the others with why.

    An assignment is released when its meeting, slot or table is gone, when a participant is no
    longer available then, or when it clashes with a pin kept before it.
    """
    occupancy = Occupancy(event)
    released: list[Unscheduled] = []
    for assignment in pinned:
        meeting = event.meeting_position.get(assignment.meeting)
        slot = event.slot_position.get(assignment.slot)
        if meeting is None:
            released.append(Unscheduled(assignment.meeting, "the meeting no longer exists"))
            continue
        if slot is None:
            released.append(
                Unscheduled(assignment.meeting, f"slot {assignment.slot} no longer exists")
            )
            continue
        conflict = occupancy.conflict(Placement(meeting, slot, assignment.table))
        if conflict is None:
            occupancy.add(Placement(meeting, slot, assignment.table))
        else:
            released.append(Unscheduled(assignment.meeting, conflict))
    return list(occupancy.placed.values()), released
