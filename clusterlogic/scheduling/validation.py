"""Checks apart from the solver: is an instance well formed, does a schedule keep the rules.

``find_rule_violations`` is the last gate before a schedule is published, so it is written
directly from the rules in ``shared/formats/meetings.md`` and shares nothing with the solver
but the definition of which tables a meeting may take.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from clusterlogic.scheduling.event import table_options
from clusterlogic.scheduling.model import Assignment, Instance


def _duplicates(kind: str, ids: Iterable[str]) -> list[str]:
    return [f"{kind} id {i!r} occurs {n} times" for i, n in Counter(ids).items() if n > 1]


def find_instance_problems(instance: Instance) -> list[str]:
    """Every reference and value problem of an instance, one sentence each; empty when valid."""
    problems: list[str] = []
    problems += _duplicates("slot", (s.id for s in instance.slots))
    problems += _duplicates("table", (t.id for t in instance.tables))
    problems += _duplicates("participant", (p.id for p in instance.participants))
    problems += _duplicates("meeting", (m.id for m in instance.meetings))

    if len({s.start.tzinfo is None for s in instance.slots}) > 1:
        problems.append("slot times must all carry a UTC offset, or none of them")
        return problems
    for slot in instance.slots:
        if slot.end <= slot.start:
            problems.append(f"slot {slot.id} ends before it starts")
    for earlier, later in pairwise(instance.slots):
        if later.start < earlier.end:
            problems.append(f"slot {later.id} starts before slot {earlier.id} ends (time order)")

    slot_ids = {s.id for s in instance.slots}
    table_ids = {t.id for t in instance.tables}
    participant_ids = {p.id for p in instance.participants}
    for p in instance.participants:
        unknown = sorted((p.available or frozenset()) - slot_ids)
        if unknown:
            problems.append(
                f"participant {p.id} is available in unknown slots {', '.join(unknown)}"
            )
        if p.table is not None and p.table not in table_ids:
            problems.append(f"participant {p.id} has unknown table {p.table}")
        if p.max_meetings is not None and p.max_meetings < 0:
            problems.append(f"participant {p.id} has negative max_meetings")
    for m in instance.meetings:
        if len(m.participants) < 2:
            problems.append(f"meeting {m.id} needs at least two participants")
        if len(set(m.participants)) < len(m.participants):
            problems.append(f"meeting {m.id} names a participant twice")
        unknown = sorted(set(m.participants) - participant_ids)
        if unknown:
            problems.append(f"meeting {m.id} has unknown participants {', '.join(unknown)}")
        if m.weight < 0:
            problems.append(f"meeting {m.id} has a negative weight")
    return problems


def find_rule_violations(instance: Instance, assignments: Sequence[Assignment]) -> list[str]:
    """Every hard rule a schedule breaks, one sentence each; empty when the schedule is valid."""
    violations: list[str] = []
    slots = {s.id for s in instance.slots}
    tables = {t.id for t in instance.tables}
    participants = {p.id: p for p in instance.participants}
    meetings = {m.id: m for m in instance.meetings}
    owned = {p.table for p in instance.participants if p.table is not None}
    shared = [t.id for t in instance.tables if t.id not in owned]

    seen_meetings: Counter[str] = Counter()
    busy: Counter[tuple[str, str]] = Counter()
    table_use: Counter[tuple[str, str]] = Counter()
    meeting_count: Counter[str] = Counter()
    for a in assignments:
        seen_meetings[a.meeting] += 1
        meeting = meetings.get(a.meeting)
        if meeting is None or a.slot not in slots or a.table not in tables:
            violations.append(f"assignment {a} names an unknown meeting, slot or table")
            continue
        allowed, _ = table_options(meeting, participants, shared)
        if a.table not in allowed:
            violations.append(f"meeting {a.meeting} may not take table {a.table}")
        table_use[(a.table, a.slot)] += 1
        for p in meeting.participants:
            busy[(p, a.slot)] += 1
            meeting_count[p] += 1
            available = participants[p].available
            if available is not None and a.slot not in available:
                violations.append(f"{p} is not available in slot {a.slot} (meeting {a.meeting})")

    violations += [f"meeting {m} is scheduled {n} times" for m, n in seen_meetings.items() if n > 1]
    violations += [f"{p} has {n} meetings in slot {s}" for (p, s), n in busy.items() if n > 1]
    violations += [
        f"table {t} holds {n} meetings in slot {s}" for (t, s), n in table_use.items() if n > 1
    ]
    for p, count in meeting_count.items():
        limit = participants[p].max_meetings
        if limit is not None and count > limit:
            violations.append(f"{p} has {count} meetings, more than max_meetings {limit}")
    violations += [
        f"required meeting {m.id} is not scheduled"
        for m in instance.meetings
        if m.required and m.id not in seen_meetings
    ]
    return violations
