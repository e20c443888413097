"""schedule_meetings: from an instance to a checked schedule with reasons and a quality bound."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from typing import Literal

from clusterlogic.scheduling.bounds import lp_upper_bound, share_bound
from clusterlogic.scheduling.compaction import compact as compact_schedule
from clusterlogic.scheduling.event import Event, build_event, count_idle_gaps
from clusterlogic.scheduling.exact import conflicting_musts, minimize_idle_gaps
from clusterlogic.scheduling.formulation import formulate
from clusterlogic.scheduling.greedy import fill_up, greedy_placements
from clusterlogic.scheduling.large import MIN_CORE_SECONDS, schedule_large
from clusterlogic.scheduling.mip import max_weight_placements
from clusterlogic.scheduling.model import (
    Assignment,
    InfeasibleInstance,
    Instance,
    InvalidInstance,
    Schedule,
    ScheduleStats,
    Unscheduled,
)
from clusterlogic.scheduling.occupancy import Occupancy, Placement
from clusterlogic.scheduling.pins import keep_valid_pins
from clusterlogic.scheduling.reasons import (
    conflict_problem,
    must_place_problems,
    unscheduled_reason,
)
from clusterlogic.scheduling.validation import find_instance_problems

MIN_SOLVER_SECONDS = 0.2
# More (meeting, slot) pairs than this: the "large" method (the MIP would not finish).
LARGE_COLUMNS = 20_000
# Time kept back per meeting for the final fill-up, reasons and statistics (measured on the
# summit, 30,000 meetings: about 1.5 s on a busy 2-core machine), so the limit is hard.
FINISH_SECONDS_PER_MEETING = 1e-4
# Under load the finish slows down like everything else: it takes about four times as long as
# indexing the instance did (measured on the summit with a load of 9 on 2 cores: 1.8 s
# against 0.42 s), so at least this multiple of the indexing time is kept back.
FINISH_PACE = 8.0
Method = Literal["auto", "exact", "large"]
# Share of the time limit the weight phase may use; the idle-gap phase gets the rest.
WEIGHT_SHARE = 0.6


def schedule_meetings(
    instance: Instance,
    *,
    time_limit: float = 10.0,
    pinned: Sequence[Assignment] = (),
    workers: int | None = None,
    compact: bool = True,
    method: Method = "auto",
) -> Schedule:
    """Schedule as much meeting weight as possible, then with as few idle gaps as possible.

    ``method``: "exact" (events up to a few thousand meetings: HiGHS MIP for the weight, then
    local moves and CP-SAT for idle gaps), "large" (session LP bound and plan, greedy
    realisation, local search; see large.py), or "auto": "large" when the event has more than
    LARGE_COLUMNS (meeting, slot) pairs. ``time_limit`` bounds the whole call, the final
    checks included (naming the meetings at fault of an infeasible instance may take up to
    MIN_CORE_SECONDS more).

    Raises InvalidInstance or InfeasibleInstance (required or pinned meetings that cannot all
    be placed), each naming the meetings and participants at fault. ``pinned`` assignments of
    an earlier schedule stay where they are still valid; the others are listed in
    ``released_pins``. ``compact=False`` skips the idle-gap phase.
    """
    started = time.monotonic()
    problems = find_instance_problems(instance)
    if problems:
        raise InvalidInstance(problems)
    indexing = time.monotonic()
    event = build_event(instance)
    index_seconds = time.monotonic() - indexing
    kept, released = keep_valid_pins(event, pinned)
    pins = {p.meeting: p for p in kept}
    problems = must_place_problems(event, pins)
    if problems:
        raise InfeasibleInstance(problems)
    # Leave time for the final fill-up, reasons and statistics.
    finish = max(FINISH_SECONDS_PER_MEETING * len(instance.meetings), FINISH_PACE * index_seconds)
    deadline = started + time_limit - finish
    columns = sum(len(slots) for slots in event.candidate_slots)
    if method == "large" or (method == "auto" and columns > LARGE_COLUMNS):
        outcome = schedule_large(
            event, pins, started=started, deadline=deadline, compact=compact, workers=workers
        )
        # Already filled up (every candidate is): a second pass costs seconds under load.
        placements, weight_bound = outcome.placements, outcome.weight_bound
    else:
        placements, weight_bound = _schedule_exact(
            event, pins, kept, started=started, deadline=deadline, compact=compact, workers=workers
        )
        placements = fill_up(event, placements)
    occupancy = Occupancy(event, placements)
    return _schedule(event, occupancy, weight_bound, released, started)


def _schedule_exact(
    event: Event,
    pins: Mapping[int, Placement],
    kept: Sequence[Placement],
    *,
    started: float,
    deadline: float,
    compact: bool,
    workers: int | None,
) -> tuple[list[Placement], float]:
    """Weight: HiGHS MIP within WEIGHT_SHARE of the time (or the greedy schedule, if better).
    Gaps: local moves, then CP-SAT rearranging the same meetings until it proves the optimum
    or reaches the deadline."""
    time_limit = deadline - started
    formulation = formulate(event, pins)
    greedy = greedy_placements(event, kept)
    outcome = max_weight_placements(
        event, formulation, time_limit=WEIGHT_SHARE * time_limit - _since(started)
    )
    if outcome.infeasible:
        core = conflicting_musts(
            event, formulation, time_limit=max(MIN_CORE_SECONDS, deadline - time.monotonic())
        )
        raise InfeasibleInstance(
            [conflict_problem(event, core, pins)]
            if core
            else ["the required and pinned meetings cannot all be placed together"]
        )
    candidates = [list(greedy)] if _has_all_musts(event, greedy, pins) else []
    if outcome.placements is not None:
        candidates.append([pins.get(p.meeting, p) for p in outcome.placements])
    if not candidates:
        raise InfeasibleInstance(
            [
                f"no schedule that places every required meeting was found in {time_limit:g} s "
                "(not proven impossible: a longer time limit may find one)"
            ]
        )
    # A MIP stopped by the time limit may hold a worse schedule than the greedy one.
    placements = max(
        candidates, key=lambda c: math.fsum(event.meetings[p.meeting].weight for p in c)
    )
    weight_bound = min(outcome.weight_bound, share_bound(event))
    if math.isinf(outcome.weight_bound):
        remaining = deadline - time.monotonic()
        weight_bound = min(weight_bound, lp_upper_bound(event, formulation, time_limit=remaining))
    placements = fill_up(event, placements)
    if compact:
        placements = compact_schedule(event, placements, fixed=pins.keys(), deadline=deadline)
        remaining = deadline - time.monotonic()
        if remaining > MIN_SOLVER_SECONDS and _idle_gaps(event, placements):
            improved = minimize_idle_gaps(
                event, pins, placements, deadline=deadline, workers=workers
            )
            placements = [pins.get(p.meeting, p) for p in improved]
    return placements, weight_bound


def _since(started: float) -> float:
    return time.monotonic() - started


def _idle_gaps(event: Event, placements: Sequence[Placement]) -> int:
    return count_idle_gaps(
        event.meetings,
        event.slot_position,
        event.session_of_slot,
        ((p.meeting, event.slot_ids[p.slot]) for p in placements),
    )


def _has_all_musts(
    event: Event, placements: Sequence[Placement], pins: Mapping[int, Placement]
) -> bool:
    placed = {p.meeting for p in placements}
    return all(
        m in placed for m, meeting in enumerate(event.meetings) if meeting.required or m in pins
    )


def _with_shared_tables(event: Event, placements: Sequence[Placement]) -> list[Placement]:
    """Hand out shared tables to the pool's meetings; pinned ones keep theirs."""
    taken = {(p.slot, p.table) for p in placements if p.table is not None}
    free = {
        slot: [t for t in event.shared_tables if (slot, t) not in taken]
        for slot in range(len(event.slot_ids))
    }
    result = []
    for placement in sorted(placements, key=lambda p: (p.slot, p.meeting)):
        if placement.table is None:
            placement = Placement(placement.meeting, placement.slot, free[placement.slot].pop(0))
        result.append(placement)
    return result


def _schedule(
    event: Event,
    occupancy: Occupancy,
    weight_bound: float,
    released: Sequence[Unscheduled],
    started: float,
) -> Schedule:
    placements = _with_shared_tables(event, list(occupancy.placed.values()))
    meetings = event.meetings
    assignments = tuple(
        Assignment(meetings[p.meeting].id, event.slot_ids[p.slot], p.table or "")
        for p in sorted(placements, key=lambda p: (p.slot, p.table or "", p.meeting))
    )
    unscheduled = tuple(
        Unscheduled(meeting.id, unscheduled_reason(event, occupancy, m))
        for m, meeting in enumerate(meetings)
        if m not in occupancy.placed
    )
    weight = math.fsum(meetings[p.meeting].weight for p in placements)
    placeable = math.fsum(m.weight for i, m in enumerate(meetings) if event.candidate_slots[i])
    # The bounds come from floating-point solvers; never report one below a weight reached.
    upper_bound = max(weight, min(weight_bound, placeable))
    stats = ScheduleStats(
        meetings=len(meetings),
        scheduled=len(assignments),
        weight=round(weight, 6),
        # Rounded up, so that it stays a bound.
        upper_bound=math.ceil(upper_bound * 1e6 - 1e-6) / 1e6,
        idle_gaps=_idle_gaps(event, placements),
        seconds=round(time.monotonic() - started, 2),
    )
    return Schedule(assignments, unscheduled, stats, tuple(released))
