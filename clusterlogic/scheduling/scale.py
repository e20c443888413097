"""Meeting weights on an integer grid, for solvers that work in integers (CP-SAT) and bounds.

Weights are scaled by the smallest power of ten that makes them all whole (up to 10^6);
beyond that they are rounded, and ``slack`` says by how much the rounding can understate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_DECIMALS = 6


@dataclass(frozen=True)
class WeightScale:
    factor: int
    slack: float

    def scaled(self, weight: float) -> int:
        return round(weight * self.factor)


def weight_scale(weights: Sequence[float]) -> WeightScale:
    for decimals in range(MAX_DECIMALS + 1):
        factor = 10**decimals
        if all(abs(w * factor - round(w * factor)) < 1e-9 * max(1.0, w * factor) for w in weights):
            return WeightScale(factor, 0.0)
    factor = 10**MAX_DECIMALS
    return WeightScale(factor, sum(abs(w * factor - round(w * factor)) for w in weights) / factor)
