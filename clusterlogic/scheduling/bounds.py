"""Proven upper bounds on the weight of any schedule, for when the MIP ran out of time.

``lp_upper_bound``: the LP relaxation, solved by HiGHS (through SciPy), then recomputed from
its dual values by weak duality so that solver tolerances cannot make it too low: for any
y >= 0, b.y + sum_j max(0, c_j - (A^T y)_j) bounds max c.x over A x <= b, 0 <= x <= 1.

``share_bound``: instant. Split each meeting's weight evenly among its participants; a
participant can collect shares from at most as many meetings as it has free slots and
max_meetings, so summing each participant's largest shares bounds the total.
"""

from __future__ import annotations

import heapq
import math

import numpy as np
from scipy.optimize import linprog

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.formulation import Formulation
from clusterlogic.scheduling.mip import packing_rows


def share_bound(event: Event) -> float:
    total = 0.0
    for participant, meetings in event.meetings_of.items():
        shares = [
            event.meetings[m].weight / len(event.meetings[m].participants)
            for m in meetings
            if event.candidate_slots[m]
        ]
        limit = event.participants[participant].max_meetings
        most = len(event.free_slots[participant]) if limit is None else limit
        total += math.fsum(heapq.nlargest(min(most, len(event.free_slots[participant])), shares))
    return total


def lp_upper_bound(event: Event, formulation: Formulation, *, time_limit: float) -> float:
    """The LP bound, or infinity if HiGHS does not finish within ``time_limit`` seconds."""
    if not formulation.columns:
        return 0.0
    rows = packing_rows(event, formulation, with_musts=False)
    result = linprog(
        -rows.weights,
        A_ub=rows.matrix,
        b_ub=rows.upper,
        bounds=(0, 1),
        method="highs",
        options={"time_limit": max(0.05, time_limit)},
    )
    if result.status != 0:
        return math.inf
    duals = np.maximum(0.0, -np.asarray(result.ineqlin.marginals, dtype=float))
    reduced = rows.weights - rows.matrix.T @ duals
    return float(rows.upper @ duals + np.maximum(0.0, reduced).sum())
