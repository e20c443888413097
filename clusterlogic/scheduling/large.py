"""The schedule of a large event (thousands of meetings): LP plan, realisation, local search.

The exact MIP does not finish on a summit (30,000 meetings), so here:
1. the session LP (relaxation.py) gives the proven bound and a plan of which meeting goes to
   which session;
2. each session's planned meetings get slots, hardest first (realize.py); whatever still
   fits anywhere is then added, heaviest first;
3. meetings still left out are placed by moving the ones that block them to other slots
   (improve.py), those the LP planned first (its price for them is their weight, for the
   others the LP says that their capacity is better used elsewhere);
4. the plain greedy schedule (built while the LP solves in a thread; improved the same way,
   by weight, when needed) is the fallback should the LP not finish in time or its schedule
   miss a required meeting; should neither place every required
   meeting, the MIP tries with the time left, and names the meetings at fault if they cannot
   all be placed;
5. idle gaps: single-meeting moves within the free slots (compaction.py), then CP-SAT per
   session on the meetings it holds, each within the time left.
Every step checks the deadline; CP-SAT gets only the time left.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clusterlogic.scheduling.bounds import share_bound
from clusterlogic.scheduling.compaction import compact as compact_schedule
from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.exact import (
    BUILD_SECONDS_PER_COLUMN,
    conflicting_musts,
    minimize_idle_gaps,
)
from clusterlogic.scheduling.formulation import formulate
from clusterlogic.scheduling.greedy import fill_up, greedy_placements
from clusterlogic.scheduling.improve import insert_left_out
from clusterlogic.scheduling.mip import max_weight_placements
from clusterlogic.scheduling.model import InfeasibleInstance
from clusterlogic.scheduling.occupancy import Placement
from clusterlogic.scheduling.realize import realize_plan
from clusterlogic.scheduling.reasons import conflict_problem
from clusterlogic.scheduling.relaxation import SessionPlan, session_plan

# Naming the required meetings at fault gets at least this long, even past the time limit.
MIN_CORE_SECONDS = 0.5
# Share of the time limit the LP may take; the rest goes to realisation and idle gaps (the
# LP takes 6-10 s of a summit's 60 on a busy 2-core machine; the rest needs 3-5 s).
LP_SHARE = 0.85
# Share of the time left after the LP that moving meetings aside may take; the idle-gap
# phase gets the rest.
IMPROVE_SHARE = 0.5
# Required meetings, then the LP's plan, are tried first when placing left-out meetings.
PLANNED_FIRST = 1000.0
REQUIRED_FIRST = 2 * PLANNED_FIRST
_NOT_FOUND_IN_TIME = (
    "no schedule that places every required meeting was found in the time limit "
    "(not proven impossible: a longer time limit may find one)"
)


@dataclass(frozen=True)
class LargeOutcome:
    placements: list[Placement]
    weight_bound: float


def _weight(event: Event, placements: Sequence[Placement]) -> float:
    return math.fsum(event.meetings[p.meeting].weight for p in placements)


def _has_all_musts(
    event: Event, placements: Sequence[Placement], pins: Mapping[int, Placement]
) -> bool:
    placed = {p.meeting for p in placements}
    return all(
        m in placed for m, meeting in enumerate(event.meetings) if meeting.required or m in pins
    )


def _exact_musts(
    event: Event, pins: Mapping[int, Placement], *, plan_infeasible: bool, deadline: float
) -> list[Placement]:
    """A schedule with every required and pinned meeting from the MIP, when the heuristics
    found none; raises InfeasibleInstance naming the meetings at fault if there is none."""
    columns = sum(len(slots) for slots in event.candidate_slots)
    if not plan_infeasible and deadline - time.monotonic() < BUILD_SECONDS_PER_COLUMN * columns:
        # Building the MIP alone would overrun the time limit.
        raise InfeasibleInstance([_NOT_FOUND_IN_TIME])
    formulation = formulate(event, pins)
    outcome = (
        None
        if plan_infeasible
        else max_weight_placements(event, formulation, time_limit=deadline - time.monotonic())
    )
    if outcome is not None and outcome.placements is not None:
        return [pins.get(p.meeting, p) for p in outcome.placements]
    if outcome is None or outcome.infeasible:
        core = conflicting_musts(
            event, formulation, time_limit=max(MIN_CORE_SECONDS, deadline - time.monotonic())
        )
        if core:
            raise InfeasibleInstance([conflict_problem(event, core, pins)])
        raise InfeasibleInstance(["the required and pinned meetings cannot all be placed together"])
    raise InfeasibleInstance([_NOT_FOUND_IN_TIME])


def _price(weight: float, required: bool, planned: bool) -> float:
    return weight + (REQUIRED_FIRST if required else 0.0) + (PLANNED_FIRST if planned else 0.0)


def _share(deadline: float) -> float:
    now = time.monotonic()
    return now + IMPROVE_SHARE * max(0.0, deadline - now)


def schedule_large(
    event: Event,
    pins: Mapping[int, Placement],
    *,
    started: float,
    deadline: float,
    compact: bool,
    workers: int | None,
) -> LargeOutcome:
    """Placements keeping every rule, and a proven weight bound, by ``deadline``.

    Raises InfeasibleInstance when no schedule with every required and pinned meeting is
    found: naming the meetings at fault where that is proven (the LP relaxation or the MIP
    says so), saying that it is not proven otherwise.
    """
    fixed = list(pins.values())
    lp_deadline = started + LP_SHARE * (deadline - started)
    # HiGHS lets go of the GIL while it solves: the LP runs in a thread of its own while
    # this one builds the fallback, and is abandoned (HiGHS stops at its own time limit)
    # should it not finish by its deadline, so that the time limit holds even when HiGHS
    # overruns its own (measured: 30 s for 6 s on a summit with a load of 13 on 2 cores).
    plans: list[SessionPlan] = []
    solver = threading.Thread(
        target=lambda: plans.append(session_plan(event, pins, deadline=lp_deadline)),
        name="session-lp",
        daemon=True,
    )
    solver.start()
    # Only the plain greedy meanwhile: more Python work here would slow the LP under load.
    greedy = greedy_placements(event, fixed)
    solver.join(timeout=max(0.0, lp_deadline - time.monotonic()))
    plan = plans[0] if plans else SessionPlan(math.inf, infeasible=False, session_of={})
    candidates = []
    if plan.session_of:
        realized = fill_up(event, realize_plan(event, fixed, plan.session_of, deadline=deadline))
        prices = {
            m: _price(meeting.weight, meeting.required, m in plan.session_of)
            for m, meeting in enumerate(event.meetings)
        }
        candidates.append(
            insert_left_out(
                event, realized, fixed=pins.keys(), prices=prices, deadline=_share(deadline)
            )
        )
    if not candidates or not _has_all_musts(event, candidates[0], pins):
        by_weight = {
            m: _price(meeting.weight, meeting.required, planned=False)
            for m, meeting in enumerate(event.meetings)
        }
        candidates.append(
            insert_left_out(
                event, greedy, fixed=pins.keys(), prices=by_weight, deadline=_share(deadline)
            )
        )
    feasible = [c for c in candidates if _has_all_musts(event, c, pins)]
    if not feasible:
        feasible = [_exact_musts(event, pins, plan_infeasible=plan.infeasible, deadline=deadline)]
    placements = max(feasible, key=lambda c: _weight(event, c))
    bound = min(plan.upper_bound, share_bound(event))
    if compact:
        placements = compact_schedule(event, placements, fixed=pins.keys(), deadline=deadline)
        if deadline - time.monotonic() > 0:
            improved = minimize_idle_gaps(
                event, pins, placements, deadline=deadline, workers=workers
            )
            placements = [pins.get(p.meeting, p) for p in improved]
    return LargeOutcome(placements, bound)
