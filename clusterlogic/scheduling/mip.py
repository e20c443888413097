"""Most meeting weight, by mixed-integer programming with HiGHS (through SciPy).

On these packing problems the LP relaxation is nearly integral, so branch-and-cut proves
optimality within seconds for a thousand meetings, where CP-SAT on a few cores stalls.
SciPy's copy of HiGHS is used because the ``highspy`` wheel clashes with the HiGHS inside
OR-Tools when both load into one process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from clusterlogic.scheduling.event import Event
from clusterlogic.scheduling.formulation import Formulation
from clusterlogic.scheduling.occupancy import Placement
from clusterlogic.scheduling.scale import weight_scale

# scipy.optimize.milp status codes
OPTIMAL, TIME_LIMIT, INFEASIBLE = 0, 1, 2


@dataclass(frozen=True)
class WeightOutcome:
    placements: tuple[Placement, ...] | None  # None: no schedule found in time
    infeasible: bool  # proven: the required and pinned meetings cannot all be placed
    weight_bound: float  # upper bound on the weight (inf when unknown)


@dataclass(frozen=True)
class PackingRows:
    """Every row of the formulation as one sparse matrix: A x <= upper, A x >= lower."""

    matrix: csr_array
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]
    weights: NDArray[np.float64]


def packing_rows(event: Event, formulation: Formulation, *, with_musts: bool) -> PackingRows:
    rows: list[tuple[tuple[int, ...], float, int]] = [
        (cols, 1.0 if with_musts and must else 0.0, 1)
        for cols, must in zip(formulation.meeting_columns, formulation.must_place, strict=True)
        if cols
    ]
    rows += [(cols, 0.0, limit) for cols, limit in formulation.capacity_rows]
    row_index = np.repeat(np.arange(len(rows)), [len(cols) for cols, _, _ in rows])
    column_index = np.fromiter((c for cols, _, _ in rows for c in cols), dtype=np.int64)
    matrix = csr_array(
        (np.ones(len(column_index)), (row_index, column_index)),
        shape=(len(rows), len(formulation.columns)),
    )
    weights = np.array([event.meetings[p.meeting].weight for p in formulation.columns], dtype=float)
    return PackingRows(
        matrix=matrix,
        lower=np.array([lower for _, lower, _ in rows], dtype=float),
        upper=np.array([upper for _, _, upper in rows], dtype=float),
        weights=weights,
    )


def max_weight_placements(
    event: Event, formulation: Formulation, *, time_limit: float
) -> WeightOutcome:
    """Solve for the most weight, placing every required and pinned meeting."""
    musts_without_columns = any(
        must and not cols
        for cols, must in zip(formulation.meeting_columns, formulation.must_place, strict=True)
    )
    if musts_without_columns:
        return WeightOutcome(None, infeasible=True, weight_bound=0.0)
    if not formulation.columns:
        return WeightOutcome((), infeasible=False, weight_bound=0.0)
    rows = packing_rows(event, formulation, with_musts=True)
    result = milp(
        -rows.weights,
        constraints=LinearConstraint(rows.matrix, rows.lower, rows.upper),
        integrality=np.ones(len(rows.weights)),
        bounds=Bounds(0, 1),
        # HiGHS's presolve barely shrinks these models and costs seconds on large ones.
        options={"time_limit": max(0.05, time_limit), "mip_rel_gap": 0.0, "presolve": False},
    )
    if result.status == INFEASIBLE:
        return WeightOutcome(None, infeasible=True, weight_bound=0.0)
    if result.x is None:
        return WeightOutcome(None, infeasible=False, weight_bound=math.inf)
    chosen = tuple(p for p, value in zip(formulation.columns, result.x, strict=True) if value > 0.5)
    return WeightOutcome(
        chosen, infeasible=False, weight_bound=proven_bound(-result.mip_dual_bound, event)
    )


def proven_bound(dual_bound: float, event: Event) -> float:
    """The solver's bound, widened by its tolerance, then down to the weights' own grid."""
    scale = weight_scale([m.weight for m in event.meetings])
    widened = dual_bound + 1e-6 * (1.0 + abs(dual_bound))
    if scale.slack:
        return widened
    # Any schedule's weight lies on the grid, so the bound may round down to it.
    return math.floor(widened * scale.factor + 1e-9) / scale.factor
