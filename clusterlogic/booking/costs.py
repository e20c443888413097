"""Sharing a joint stand's cost among its co-exhibitors, exact to the cent.

Each share is the total times the exhibitor's weight over the sum of weights (equal shares:
every weight 1; by area: the square metres booked), rounded down to the cent; the cents left
over go one each to the largest remainders, ties to the earlier exhibitor, so the shares
always sum to the total and the same input always gives the same split.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

CENT = Decimal("0.01")


def split_cents(total_cents: int, weights: Sequence[Decimal | int]) -> list[int]:
    """``total_cents`` split by ``weights`` (each ≥ 0, at least one > 0) into whole cents."""
    if total_cents < 0:
        raise ValueError("total must not be negative")
    if not weights:
        return []
    exact = [Decimal(weight) for weight in weights]
    if any(weight < 0 for weight in exact):
        raise ValueError("weights must not be negative")
    weight_sum = sum(exact, Decimal(0))
    if weight_sum == 0:
        raise ValueError("at least one weight must be positive")
    # Integer arithmetic on numerator and denominator: no rounding before the remainders.
    scale = 0
    for weight in exact:
        exponent = weight.as_tuple().exponent
        if not isinstance(exponent, int):  # NaN or infinity
            raise ValueError("weights must be finite")
        scale = max(scale, -exponent)
    whole = [int(weight.scaleb(scale)) for weight in exact]
    denominator = sum(whole)
    shares = [total_cents * weight // denominator for weight in whole]
    remainders = [total_cents * weight % denominator for weight in whole]
    left = total_cents - sum(shares)
    order = sorted(range(len(whole)), key=lambda index: (-remainders[index], index))
    for index in order[:left]:
        shares[index] += 1
    return shares


def split_cost(total: Decimal, weights: Sequence[Decimal | int]) -> list[Decimal]:
    """``total`` in euros (whole cents) split by ``weights``; the shares sum to ``total``."""
    cents = int((total / CENT).to_integral_value())
    if Decimal(cents) * CENT != total:
        raise ValueError("total must be whole cents")
    return [Decimal(share) * CENT for share in split_cents(cents, weights)]
