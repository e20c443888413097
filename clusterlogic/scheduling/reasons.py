"""Sentences that say why a meeting is left out, or why required meetings cannot all be placed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.occupancy import Occupancy, Placement


def _names(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _static_reason(event: Event, meeting: int) -> str | None:
    """Why the meeting could never be placed, whatever else is scheduled; None if it could."""
    participants = event.meetings[meeting].participants
    absent = [p for p in participants if not event.free_slots[p]]
    if absent:
        return f"{_names(absent)} {'is' if len(absent) == 1 else 'are'} available in no slot"
    if not event.candidate_slots[meeting]:
        return f"{_names(participants)} share no free slot"
    if event.uses_shared_tables(meeting) and not event.shared_tables:
        return "no participant has a table of its own and there is no shared table"
    without = [p for p in participants if event.participants[p].max_meetings == 0]
    if without:
        return (
            f"{_names(without)} take{'s' if len(without) == 1 else ''} no meetings (max_meetings 0)"
        )
    return None


def unscheduled_reason(event: Event, occupancy: Occupancy, meeting: int) -> str:
    """Why the meeting is not in the schedule that ``occupancy`` holds."""
    static = _static_reason(event, meeting)
    if static is not None:
        return static
    participants = event.meetings[meeting].participants
    full = [
        f"{p} already has its {limit} meetings"
        for p in participants
        if (limit := event.participants[p].max_meetings) is not None
        and occupancy.meeting_count[p] >= limit
    ]
    if full:
        return f"{_names(full)} (max_meetings)"
    slots = event.candidate_slots[meeting]
    return (
        f"each of the {len(slots)} free slots that {_names(participants)} share is taken "
        "by their other meetings or has no free table"
    )


def must_place_problems(event: Event, pins: Mapping[int, Placement]) -> list[str]:
    """Required meetings that can be seen at a glance not to fit, each with its participants."""
    problems = []
    required = [m for m, meeting in enumerate(event.meetings) if meeting.required and m not in pins]
    for m in required:
        static = _static_reason(event, m)
        if static is not None:
            problems.append(f"required meeting {event.meetings[m].id}: {static}")
    counts: dict[str, list[str]] = {}
    for m in required:
        for p in event.meetings[m].participants:
            counts.setdefault(p, []).append(event.meetings[m].id)
    pinned_count: dict[str, int] = {}
    for m in pins:
        for p in event.meetings[m].participants:
            pinned_count[p] = pinned_count.get(p, 0) + 1
    for p, meetings in counts.items():
        need = len(meetings) + pinned_count.get(p, 0)
        limit = event.participants[p].max_meetings
        if limit is not None and need > limit:
            problems.append(
                f"{p} has {len(meetings)} required meetings ({', '.join(meetings)}) "
                f"but max_meetings {limit}"
                + (f" and {pinned_count[p]} pinned ones" if p in pinned_count else "")
            )
        if need > len(event.free_slots[p]):
            problems.append(
                f"{p} has {len(meetings)} required meetings ({', '.join(meetings)}) "
                f"but is free in only {len(event.free_slots[p])} slots"
            )
    return problems


def conflict_problem(event: Event, meetings: Iterable[int], pins: Mapping[int, Placement]) -> str:
    """One sentence naming required or pinned meetings that cannot all be placed together."""
    described = []
    people: dict[str, None] = {}
    for m in meetings:
        meeting = event.meetings[m]
        label = f"{meeting.id} ({', '.join(meeting.participants)})"
        if m in pins:
            label += f" pinned to {event.slot_ids[pins[m].slot]}"
        described.append(label)
        people.update(dict.fromkeys(meeting.participants))
    return (
        f"these required or pinned meetings cannot all be placed together: {'; '.join(described)}"
        f" — participants involved: {', '.join(people)}"
    )
