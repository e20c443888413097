"""Checks apart from the solver: is an instance well formed, does a schedule keep the rules.

``find_rule_violations`` is the last gate before a schedule is written: the English sentences
of ``rules.check_schedule``, where the rules of ``shared/formats/meetings.md`` are written once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from clusterlogic.scheduling.model import MAX_WEIGHT, Assignment, Instance
from clusterlogic.scheduling.rules import check_schedule


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
        if not 0 <= m.weight <= MAX_WEIGHT:  # NaN fails this too
            problems.append(f"meeting {m.id} has weight {m.weight!r}, not from 0 to {MAX_WEIGHT:g}")
    return problems


def find_rule_violations(instance: Instance, assignments: Sequence[Assignment]) -> list[str]:
    """Every hard rule a schedule breaks, one sentence each; empty when the schedule is valid.
    The rules themselves live in ``rules.check_schedule``."""
    return [str(violation) for violation in check_schedule(instance, assignments)]
