"""A proven weight bound for large events, and which session each meeting should go to.

The slot-by-slot LP of a summit (30,000 meetings x 16 slots) is too big to solve in seconds,
so this LP sums its columns over the slots of each session: one variable per meeting and
session, x[m, s] in [0, 1], with
- each meeting at most once (at least once if required or pinned; pinned: only its session),
- each participant in a session at most as many meetings as it has free slots there,
- each participant at most ``max_meetings``,
- the shared pool in a session at most (shared tables x slots of the session),
- a booth that is a meeting's only table at most once per slot of the session.
Every schedule gives a feasible point (count its meetings per session), so the optimum bounds
the weight of any schedule. When availability comes in whole sessions, as it mostly does,
it equals the bound of the slot-by-slot LP.

The bound is not HiGHS's objective value but is recomputed from its dual values by weak
duality (see bounds.py), so solver tolerances cannot make it too low. HiGHS's interior point
method with crossover solves it in seconds and returns a vertex, which on these instances is
integral or nearly so: the solver uses it as its plan of which meeting goes to which session.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_array

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.mip import proven_bound
from clusterlogic.scheduling.occupancy import Placement

SOLVED, INFEASIBLE = 0, 2  # linprog status
MIN_SECONDS = 0.05


@dataclass(frozen=True)
class SessionPlan:
    upper_bound: float  # proven; inf when HiGHS did not finish in time
    # Proven: even the relaxation cannot place every required and pinned meeting.
    infeasible: bool
    # Per meeting (position): the session the LP puts it in, for meetings it places (x > 0.5).
    session_of: Mapping[int, int]


class _RowBuilder:
    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: list[int] = []
        self.values: list[float] = []
        self.upper: list[float] = []

    def add(self, columns: list[int], upper: float, value: float = 1.0) -> None:
        row = len(self.upper)
        self.rows += [row] * len(columns)
        self.columns += columns
        self.values += [value] * len(columns)
        self.upper.append(upper)


def _columns(event: Event, pins: Mapping[int, Placement]) -> list[tuple[int, int]]:
    """(meeting, session) pairs the LP may use."""
    sessions = event.session_of_slot
    columns = []
    for meeting, slots in enumerate(event.candidate_slots):
        pin = pins.get(meeting)
        options = {sessions[pin.slot]} if pin is not None else {sessions[s] for s in slots}
        columns += [(meeting, session) for session in sorted(options)]
    return columns


def _constraints(
    event: Event, pins: Mapping[int, Placement], columns: list[tuple[int, int]]
) -> _RowBuilder:
    sessions = event.session_of_slot
    slots_in = defaultdict(int, {s: sessions.count(s) for s in set(sessions)})
    by_meeting: dict[int, list[int]] = defaultdict(list)
    by_person_session: dict[tuple[str, int], list[int]] = defaultdict(list)
    by_person: dict[str, list[int]] = defaultdict(list)
    pool_by_session: dict[int, list[int]] = defaultdict(list)
    by_booth_session: dict[tuple[str, int], list[int]] = defaultdict(list)
    for column, (meeting, session) in enumerate(columns):
        by_meeting[meeting].append(column)
        for person in event.meetings[meeting].participants:
            by_person_session[(person, session)].append(column)
            by_person[person].append(column)
        own = event.own_tables[meeting]
        if not own:
            pool_by_session[session].append(column)
        elif len(own) == 1:
            by_booth_session[(own[0], session)].append(column)

    rows = _RowBuilder()
    for meeting, cols in by_meeting.items():
        rows.add(cols, 1.0)
        if event.meetings[meeting].required or meeting in pins:
            rows.add(cols, -1.0, value=-1.0)
    for (person, session), cols in by_person_session.items():
        free = sum(1 for s in event.free_slots[person] if sessions[s] == session)
        if len(cols) > free:
            rows.add(cols, float(free))
    for person, cols in by_person.items():
        limit = event.participants[person].max_meetings
        if limit is not None and len(cols) > limit:
            rows.add(cols, float(limit))
    pool = len(event.shared_tables)
    for session, cols in pool_by_session.items():
        if len(cols) > pool * slots_in[session]:
            rows.add(cols, float(pool * slots_in[session]))
    for (_, session), cols in by_booth_session.items():
        if len(cols) > slots_in[session]:
            rows.add(cols, float(slots_in[session]))
    return rows


def session_plan(event: Event, pins: Mapping[int, Placement], *, deadline: float) -> SessionPlan:
    """Solve the session LP by ``deadline`` (time.monotonic()); an infinite bound if not."""
    columns = _columns(event, pins)
    if not columns:
        return SessionPlan(0.0, infeasible=False, session_of={})
    rows = _constraints(event, pins, columns)
    matrix = csr_array(
        (rows.values, (rows.rows, rows.columns)), shape=(len(rows.upper), len(columns))
    )
    upper = np.array(rows.upper)
    weights = np.array([event.meetings[m].weight for m, _ in columns])
    seconds = deadline - time.monotonic()
    if seconds <= MIN_SECONDS:
        return SessionPlan(math.inf, infeasible=False, session_of={})
    result = linprog(
        -weights,
        A_ub=matrix,
        b_ub=upper,
        bounds=(0, 1),
        method="highs-ipm",
        options={"time_limit": seconds},
    )
    if result.status != SOLVED:
        return SessionPlan(math.inf, infeasible=result.status == INFEASIBLE, session_of={})
    duals = np.maximum(0.0, -np.asarray(result.ineqlin.marginals, dtype=float))
    reduced = weights - matrix.T @ duals
    bound = float(upper @ duals + np.maximum(0.0, reduced).sum())
    session_of = {columns[c][0]: columns[c][1] for c in np.flatnonzero(np.asarray(result.x) > 0.5)}
    return SessionPlan(proven_bound(bound, event), infeasible=False, session_of=session_of)
