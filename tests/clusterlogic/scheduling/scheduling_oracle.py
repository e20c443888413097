"""Random small events and a brute-force oracle for the scheduling invariants.

The oracle restates the rules of shared/formats/meetings.md on its own, so that it shares no
code (and no mistake) with the solver.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from hypothesis import strategies as st
from scheduling_factories import DAY, SLOT

from clusterlogic.scheduling import Instance, Meeting, Participant, Slot, Table


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    slot_count = draw(st.integers(1, 4))
    breaks = draw(st.lists(st.booleans(), min_size=slot_count, max_size=slot_count))
    slots, start = [], DAY
    for n, pause in enumerate(breaks):
        slots.append(Slot(f"s{n}", start, start + SLOT))
        start += SLOT + (timedelta(hours=1) if pause else timedelta())
    slot_ids = [s.id for s in slots]
    people = [f"p{n}" for n in range(draw(st.integers(2, 5)))]
    booths = {p: f"B{p}" for p in people if draw(st.booleans()) and draw(st.booleans())}
    shared = [f"S{n}" for n in range(draw(st.integers(0, 2)))]
    participants = tuple(
        Participant(
            id=p,
            available=draw(st.none() | st.frozensets(st.sampled_from(slot_ids))),
            max_meetings=draw(st.none() | st.integers(0, 3)),
            table=booths.get(p),
        )
        for p in people
    )
    meetings = tuple(
        Meeting(
            id=f"m{n}",
            participants=tuple(
                draw(st.lists(st.sampled_from(people), min_size=2, max_size=3, unique=True))
            ),
            weight=draw(st.sampled_from([0.0, 1.0, 1.5, 2.0, 3.25])),
            required=draw(st.integers(0, 5)) == 0,
        )
        for n in range(draw(st.integers(0, 5)))
    )
    return Instance(
        slots=tuple(slots),
        tables=tuple(Table(t) for t in [*booths.values(), *shared]),
        participants=participants,
        meetings=meetings,
    )


@dataclass
class _Search:
    instance: Instance
    best: float | None = None
    busy: set[tuple[str, str]] = field(default_factory=set)
    tables: set[tuple[str, str]] = field(default_factory=set)
    count: dict[str, int] = field(default_factory=dict)


def best_weight(instance: Instance) -> float | None:
    """Greatest weight of any rule-keeping schedule with every required meeting; None if none."""
    people = {p.id: p for p in instance.participants}
    owned = {p.table for p in instance.participants if p.table}
    shared = [t.id for t in instance.tables if t.id not in owned]
    search = _Search(instance)

    def free(person: str, slot: str) -> bool:
        available = people[person].available
        return available is None or slot in available

    def limit(person: str) -> int:
        most = people[person].max_meetings
        return len(instance.slots) if most is None else most

    def options(meeting: Meeting) -> list[tuple[str, str]]:
        booths = [t for t in (people[p].table for p in meeting.participants) if t is not None]
        return [
            (slot.id, table)
            for slot in instance.slots
            for table in booths or shared
            if all(free(p, slot.id) for p in meeting.participants)
        ]

    def visit(index: int, weight: float) -> None:
        if index == len(instance.meetings):
            search.best = weight if search.best is None else max(search.best, weight)
            return
        meeting = instance.meetings[index]
        for slot, table in options(meeting):
            fits = (slot, table) not in search.tables and all(
                (p, slot) not in search.busy and search.count.get(p, 0) < limit(p)
                for p in meeting.participants
            )
            if fits:
                search.tables.add((slot, table))
                for p in meeting.participants:
                    search.busy.add((p, slot))
                    search.count[p] = search.count.get(p, 0) + 1
                visit(index + 1, weight + meeting.weight)
                search.tables.discard((slot, table))
                for p in meeting.participants:
                    search.busy.discard((p, slot))
                    search.count[p] -= 1
        if not meeting.required:
            visit(index + 1, weight)

    visit(0, 0.0)
    return search.best
