"""CP-SAT for what needs logic rather than LP: fewest idle gaps for a set of meetings, and naming
the required meetings that cannot all be placed together.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from clusterlogic.scheduling.event import Event, count_idle_gaps
from clusterlogic.scheduling.formulation import Formulation, formulate
from clusterlogic.scheduling.occupancy import Placement

# Building a CP-SAT model in Python costs about this much per column (measured: 3000
# meetings, 75,000 columns, 4.5 s on a busy 2-core machine), with room to solve.
BUILD_SECONDS_PER_COLUMN = 1e-4
# The whole event goes into one idle-gap model if building it takes at most this share of
# the time left; otherwise one model per session.
WHOLE_MODEL_SHARE = 0.3
# A session's idle-gap model is not even formulated with less time than this.
MIN_SESSION_SECONDS = 0.2
# CP-SAT is not started with less time than this (reading the model in and stopping its
# workers take about that long).
MIN_SOLVE_SECONDS = 0.1


def default_workers() -> int:
    # CP-SAT runs a portfolio of strategies, one per worker; 8 is its usual sweet spot.
    return max(1, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class _SessionGaps:
    """The idle-gap variables of one participant in one session, by slot position."""

    participant: str
    span: range
    before: dict[int, cp_model.IntVar]
    after: dict[int, cp_model.IntVar]
    idle: dict[int, cp_model.IntVar]


class _Model:
    def __init__(self, event: Event, formulation: Formulation) -> None:
        self.model = cp_model.CpModel()
        self.formulation = formulation
        self.event = event
        self.choose = [self.model.new_bool_var(f"c{i}") for i in range(len(formulation.columns))]
        # One literal per required or pinned meeting; solving under them as assumptions
        # lets CP-SAT name a small set of them that cannot all hold together.
        self.must_literals: dict[int, cp_model.IntVar] = {}
        for meeting, cols in enumerate(formulation.meeting_columns):
            chosen = [self.choose[c] for c in cols]
            self.model.add_at_most_one(chosen)
            if formulation.must_place[meeting]:
                literal = self.model.new_bool_var(f"must{meeting}")
                self.model.add_bool_or(chosen).only_enforce_if(literal)
                self.must_literals[meeting] = literal
        for cols, limit in formulation.capacity_rows:
            if limit == 1:
                self.model.add_at_most_one(self.choose[c] for c in cols)
            else:
                self.model.add(cp_model.LinearExpr.sum([self.choose[c] for c in cols]) <= limit)
        self.session_gaps: list[_SessionGaps] = []

    def hint(self, placements: Sequence[Placement]) -> None:
        chosen = {(p.meeting, p.slot, p.table) for p in placements}
        chosen |= {
            (p.meeting, p.slot, None)
            for p in placements
            if self.event.uses_shared_tables(p.meeting)
        }
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        for column, p in enumerate(self.formulation.columns):
            self.model.add_hint(self.choose[column], (p.meeting, p.slot, p.table) in chosen)
        for literal in self.must_literals.values():
            self.model.add_hint(literal, True)
        self._hint_idle_gaps(placements)

    def placements(self, solver: cp_model.CpSolver) -> list[Placement]:
        return [
            placement
            for column, placement in enumerate(self.formulation.columns)
            if solver.boolean_value(self.choose[column])
        ]

    def minimize_idle_gaps(self) -> None:
        """Make the objective the idle-gap count, in 0/1 variables only.

        Per participant and slot of a session: `before` (a meeting at or before it), `after`
        (one at or after it) and `idle` (>= before + after - 1 - busy). Minimising the idle
        slots pulls `before` and `after` down to their true values.
        """
        model = self.model
        sessions = self.event.session_of_slot
        idle_slots: list[cp_model.IntVar] = []
        for participant, by_slot in self.formulation.participant_slot_columns.items():
            by_session: dict[int, list[int]] = {}
            for slot in by_slot:
                by_session.setdefault(sessions[slot], []).append(slot)
            for slots in by_session.values():
                if max(slots) - min(slots) < 2:
                    continue  # no room for a gap between two meetings
                span = range(min(slots), max(slots) + 1)
                busy = {
                    slot: cp_model.LinearExpr.sum([self.choose[c] for c in by_slot.get(slot, ())])
                    for slot in span
                }
                before = {slot: model.new_bool_var("") for slot in span}
                after = {slot: model.new_bool_var("") for slot in span}
                idle = {slot: model.new_bool_var("") for slot in span[1:-1]}
                for slot in span:
                    model.add(before[slot] >= busy[slot])
                    model.add(after[slot] >= busy[slot])
                    if slot > span.start:
                        model.add(before[slot] >= before[slot - 1])
                        model.add(after[slot - 1] >= after[slot])
                    if slot in idle:
                        model.add(idle[slot] >= before[slot] + after[slot] - 1 - busy[slot])
                self.session_gaps.append(_SessionGaps(participant, span, before, after, idle))
                idle_slots += idle.values()
        model.minimize(cp_model.LinearExpr.sum(idle_slots))

    def _hint_idle_gaps(self, placements: Sequence[Placement]) -> None:
        busy = {
            (p, placement.slot)
            for placement in placements
            for p in self.event.meetings[placement.meeting].participants
        }
        for gaps in self.session_gaps:
            used = [slot for slot in gaps.span if (gaps.participant, slot) in busy]
            first = min(used, default=gaps.span.stop)
            last = max(used, default=gaps.span.start - 1)
            for slot in gaps.span:
                self.model.add_hint(gaps.before[slot], slot >= first)
                self.model.add_hint(gaps.after[slot], slot <= last)
                if slot in gaps.idle:
                    self.model.add_hint(gaps.idle[slot], first < slot < last and slot not in used)


def _solver(seconds: float, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = workers
    return solver


def minimize_idle_gaps(
    event: Event,
    pins: Mapping[int, Placement],
    start: Sequence[Placement],
    *,
    deadline: float,
    workers: int | None = None,
) -> list[Placement]:
    """The meetings of ``start`` rearranged to leave as few idle gaps as CP-SAT finds in time.

    The whole event is one model when it can be built in a small part of the time left;
    otherwise (large events) each session is solved on its own with the meetings it holds,
    those with the most gaps first, each getting an equal share of the time left. Idle gaps
    never span two sessions, so that loses only moves between sessions.
    """
    whole = formulate(event, pins, keep={p.meeting for p in start})
    build_seconds = BUILD_SECONDS_PER_COLUMN * len(whole.columns)
    if build_seconds < WHOLE_MODEL_SHARE * (deadline - time.monotonic()):
        return _rearrange(event, whole, start, deadline=deadline, workers=workers)
    sessions = event.session_of_slot
    by_session: dict[int, list[Placement]] = {}
    for placement in start:
        by_session.setdefault(sessions[placement.slot], []).append(placement)
    gaps = {
        session: count_idle_gaps(
            event.meetings,
            event.slot_position,
            sessions,
            ((p.meeting, event.slot_ids[p.slot]) for p in placements),
        )
        for session, placements in by_session.items()
    }
    order = sorted((s for s in by_session if gaps[s]), key=lambda s: -gaps[s])
    result = [p for s, placements in by_session.items() if not gaps[s] for p in placements]
    # Seconds per column of building a model, as measured on this machine now (under load
    # it can be several times the estimate); never below the estimate.
    pace = [BUILD_SECONDS_PER_COLUMN]
    for done, session in enumerate(order):
        share = (deadline - time.monotonic()) / (len(order) - done)
        placements = by_session[session]
        if share < MIN_SESSION_SECONDS:
            result += placements
            continue
        part = formulate(
            event,
            pins,
            keep={p.meeting for p in placements},
            slots={slot for slot, s in enumerate(sessions) if s == session},
        )
        result += _rearrange(
            event,
            part,
            placements,
            deadline=min(deadline, time.monotonic() + share),
            workers=workers,
            pace=pace,
        )
    return result


def _rearrange(
    event: Event,
    formulation: Formulation,
    start: Sequence[Placement],
    *,
    deadline: float,
    workers: int | None,
    pace: list[float] | None = None,
) -> list[Placement]:
    """``start``'s meetings placed within ``formulation`` with the fewest idle gaps found.

    ``start`` (valid) is handed to CP-SAT as a complete hint, so the result is never worse.
    Returned unchanged when too little time is left even to build the model (at ``pace``,
    seconds per column, measured on earlier models and updated here).
    """
    pace = pace if pace is not None else [BUILD_SECONDS_PER_COLUMN]
    columns = max(1, len(formulation.columns))
    if deadline - time.monotonic() < 2 * pace[0] * columns:
        return list(start)
    building = time.monotonic()
    built = _Model(event, formulation)
    for literal in built.must_literals.values():
        built.model.add(literal == 1)
    built.minimize_idle_gaps()
    built.hint(start)
    pace[0] = max(pace[0], (time.monotonic() - building) / columns)
    if deadline - time.monotonic() < MIN_SOLVE_SECONDS:
        return list(start)
    # Building the model takes time too; the deadline (time.monotonic()) bounds both.
    solver = _solver(deadline - time.monotonic(), workers or default_workers())
    # Presolve would take seconds before CP-SAT reports even the hinted schedule; without it
    # the search starts from the hint at once (measured: 0.5 s instead of 8 s, 1000 meetings).
    solver.parameters.cp_model_presolve = False
    if solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return built.placements(solver)
    return list(start)


def conflicting_musts(
    event: Event, formulation: Formulation, time_limit: float
) -> list[int] | None:
    """Meetings (required or pinned) that cannot all be placed together, or None if unknown.

    Solved on one worker: CP-SAT extracts a core of failed assumptions there.
    """
    built = _Model(event, formulation)
    built.model.add_assumptions(list(built.must_literals.values()))
    solver = _solver(time_limit, 1)
    if solver.solve(built.model) != cp_model.INFEASIBLE:
        return None
    by_index = {literal.index: meeting for meeting, literal in built.must_literals.items()}
    return sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())
