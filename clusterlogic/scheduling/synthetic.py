"""Made-up matchmaking events of any size, for benchmarks, tests and demos (seeded, repeatable).

- Slots: ``days`` x ``sessions_per_day`` sessions of ``slots_per_session`` back-to-back slots.
- Popularity is skewed as at real events: each participant draws a Zipf-like (Pareto, shape
  1.5) popularity, and both ends of a request are drawn in proportion to it, so a few
  participants are asked for by hundreds and most by a handful.
- Absence: 20% come for one day only (multi-day events), a further 10% miss one whole session.
- Caps: 40% cap their meetings at 3..10 (``max_meetings``).
- Exhibitors (``exhibitor_share``) meet at booths of their own; the other meetings share the
  pool of ``shared_tables`` physical and ``virtual_tables`` virtual tables (ids ``S...`` and
  ``V...``; the format treats both alike).
- Weights: 1, 1, 1.5, 2 or 3, uniformly. Required meetings (``required_share``) are planted
  into a hidden schedule first, so every generated instance is feasible.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone
from itertools import accumulate

from clusterlogic.scheduling.model import Instance, Meeting, Participant, Slot, Table

EVENT_DAY = datetime(2027, 5, 12, tzinfo=timezone(timedelta(hours=2)))
SESSION_STARTS = (timedelta(hours=9), timedelta(hours=14), timedelta(hours=16, minutes=30))
SLOT_LENGTH = timedelta(minutes=20)
WEIGHTS = (1.0, 1.0, 1.5, 2.0, 3.0)
POPULARITY_SHAPE = 1.5


def _slots(days: int, sessions_per_day: int, slots_per_session: int) -> list[list[Slot]]:
    """The slots, grouped by session."""
    sessions = []
    for day in range(days):
        for session_start in SESSION_STARTS[:sessions_per_day]:
            session = []
            for n in range(slots_per_session):
                start = EVENT_DAY + timedelta(days=day) + session_start + n * SLOT_LENGTH
                session.append(Slot(f"d{day + 1}-{start:%H%M}", start, start + SLOT_LENGTH))
            sessions.append(session)
    return sessions


def _free_slots(
    rng: random.Random, sessions: list[list[Slot]], days: int, sessions_per_day: int
) -> list[str]:
    roll = rng.random()
    if roll < 0.2 and days > 1:
        day = rng.randrange(days)
        chosen = sessions[day * sessions_per_day : (day + 1) * sessions_per_day]
    elif roll < 0.3 and len(sessions) > 1:
        missed = rng.randrange(len(sessions))
        chosen = [s for n, s in enumerate(sessions) if n != missed]
    else:
        chosen = sessions
    return [slot.id for session in chosen for slot in session]


def synthetic_instance(
    *,
    seed: int,
    participants: int = 300,
    meetings: int = 1000,
    days: int = 2,
    sessions_per_day: int = 2,
    slots_per_session: int = 4,
    shared_tables: int = 20,
    virtual_tables: int = 0,
    exhibitor_share: float = 0.15,
    required_share: float = 0.03,
) -> Instance:
    rng = random.Random(seed)
    sessions = _slots(days, min(sessions_per_day, len(SESSION_STARTS)), slots_per_session)
    slots = [slot for session in sessions for slot in session]
    slot_ids = [s.id for s in slots]
    people = [f"p{n + 1}" for n in range(participants)]
    free = {p: _free_slots(rng, sessions, days, sessions_per_day) for p in people}
    booth = {
        p: f"B{n + 1:04d}"
        for n, p in enumerate(rng.sample(people, round(exhibitor_share * participants)))
    }
    limits = {p: rng.randint(3, 10) if rng.random() < 0.4 else None for p in people}
    pool = [f"S{n + 1:04d}" for n in range(shared_tables)]
    pool += [f"V{n + 1:04d}" for n in range(virtual_tables)]

    popularity = list(accumulate(rng.paretovariate(POPULARITY_SHAPE) for _ in people))
    pairs: set[tuple[str, str]] = set()
    attempts = 0
    while len(pairs) < meetings and attempts < 50 * meetings:
        attempts += 1
        a, b = rng.choices(people, cum_weights=popularity, k=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    ordered = sorted(pairs)
    rng.shuffle(ordered)

    # Plant the required meetings into a schedule that keeps every rule.
    busy: set[tuple[str, str]] = set()
    table_busy: set[tuple[str, str]] = set()
    pool_use: Counter[str] = Counter()
    required: set[tuple[str, str]] = set()
    for a, b in ordered[: round(required_share * len(ordered))]:
        tables = [booth[p] for p in (a, b) if p in booth]
        common = sorted(set(free[a]) & set(free[b]))
        for slot in rng.sample(common, k=len(common)):
            if (a, slot) in busy or (b, slot) in busy:
                continue
            table = next((t for t in tables if (t, slot) not in table_busy), None)
            if tables and table is None:
                continue
            if not tables and pool_use[slot] >= len(pool):
                continue
            busy |= {(a, slot), (b, slot)}
            if table is None:
                pool_use[slot] += 1
            else:
                table_busy.add((table, slot))
            required.add((a, b))
            break
    required_count = Counter(p for pair in required for p in pair)
    return Instance(
        slots=tuple(slots),
        tables=tuple(Table(t) for t in sorted(booth.values())) + tuple(Table(t) for t in pool),
        participants=tuple(
            Participant(
                id=p,
                available=None if len(free[p]) == len(slot_ids) else frozenset(free[p]),
                max_meetings=None if limits[p] is None else max(limits[p] or 0, required_count[p]),
                table=booth.get(p),
            )
            for p in people
        ),
        meetings=tuple(
            Meeting(
                id=f"m{n + 1}",
                participants=pair,
                weight=rng.choice(WEIGHTS),
                required=pair in required,
            )
            for n, pair in enumerate(ordered)
        ),
    )
