"""Small hand-made events for the scheduling tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from clusterlogic.scheduling import Instance, Meeting, Participant, Slot, Table

DAY = datetime(2027, 5, 12, 9, 0, tzinfo=timezone(timedelta(hours=2)))
SLOT = timedelta(minutes=20)


def slots_in_one_session(count: int, *, start: datetime = DAY, prefix: str = "s") -> list[Slot]:
    return [Slot(f"{prefix}{n}", start + n * SLOT, start + (n + 1) * SLOT) for n in range(count)]


def event(
    *,
    slots: int | Sequence[Slot] = 3,
    tables: Sequence[str] = ("T1",),
    participants: Sequence[Participant | str] = ("a", "b"),
    meetings: Sequence[Meeting | tuple[str, ...]] = (("a", "b"),),
) -> Instance:
    """An instance where plain strings and tuples stand for default participants and meetings."""
    slot_list = slots_in_one_session(slots) if isinstance(slots, int) else list(slots)
    return Instance(
        slots=tuple(slot_list),
        tables=tuple(Table(t) for t in tables),
        participants=tuple(
            p if isinstance(p, Participant) else Participant(p) for p in participants
        ),
        meetings=tuple(
            m if isinstance(m, Meeting) else Meeting(f"m{n + 1}", tuple(m))
            for n, m in enumerate(meetings)
        ),
    )
