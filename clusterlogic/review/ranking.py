"""Applications ranked by the weighted mean of their reviewers' scores.

Each reviewer gives every criterion a score (1–5); a sheet's weighted score is the sum of
score × weight over the criteria divided by the sum of weights. An application's value is the
mean of its sheets' weighted scores; sheets of reviewers with a declared conflict never reach
this module. Applications without any sheet come last, in their given order.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    key: str
    weight: float


@dataclass(frozen=True)
class Ranked:
    subject: Hashable
    place: int
    mean: float | None
    sheets: int


def weighted_score(criteria: Sequence[Criterion], scores: Mapping[str, int]) -> float:
    """One sheet's weighted score; a criterion without a score counts as not given (its
    weight is left out)."""
    total = 0.0
    weights = 0.0
    for criterion in criteria:
        if criterion.key in scores:
            total += scores[criterion.key] * criterion.weight
            weights += criterion.weight
    if weights == 0:
        raise ValueError("no criterion was scored")
    return total / weights


def rank(
    criteria: Sequence[Criterion], sheets: Mapping[Hashable, Sequence[Mapping[str, int]]]
) -> list[Ranked]:
    """``sheets`` maps each subject (in submission order) to its reviewers' scores. Best
    first; equal means share a place (1, 2, 2, 4)."""
    means: list[tuple[Hashable, float | None, int]] = []
    for subject, subject_sheets in sheets.items():
        values = [weighted_score(criteria, sheet) for sheet in subject_sheets if sheet]
        means.append((subject, sum(values) / len(values) if values else None, len(values)))
    order = sorted(
        range(len(means)),
        key=lambda i: (means[i][1] is None, -(means[i][1] or 0.0), i),
    )
    ranked: list[Ranked] = []
    for position, index in enumerate(order, start=1):
        subject, mean, count = means[index]
        place = position
        previous = ranked[-1].mean if ranked else None
        if mean is not None and previous is not None and abs(previous - mean) < 1e-9:
            place = ranked[-1].place
        ranked.append(Ranked(subject, place, None if mean is None else round(mean, 4), count))
    return ranked
