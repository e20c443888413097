from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlogic.booking.costs import split_cents, split_cost


def test_equal_shares_give_the_left_over_cents_to_the_first() -> None:
    assert split_cost(Decimal("100.00"), [1, 1, 1]) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]


def test_shares_by_area_follow_the_square_metres() -> None:
    assert split_cost(Decimal("12000.00"), [Decimal("12"), Decimal("6"), Decimal("6")]) == [
        Decimal("6000.00"),
        Decimal("3000.00"),
        Decimal("3000.00"),
    ]


def test_the_largest_remainder_gets_the_cent() -> None:
    # 1.00 by 1 : 2 → 33.33… and 66.66…: the larger remainder (the second) gets the cent.
    assert split_cents(100, [1, 2]) == [33, 67]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        split_cents(100, [0, 0])
    with pytest.raises(ValueError):
        split_cents(100, [1, -1])
    with pytest.raises(ValueError):
        split_cost(Decimal("1.005"), [1])


weights = st.lists(
    st.decimals(min_value=0, max_value=500, places=1, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=40,
).filter(lambda ws: any(w > 0 for w in ws))


# No deadline: eight engineers share two cores, and the first example pays for the imports.
@settings(deadline=None)
@given(total=st.integers(min_value=0, max_value=10**9), weights=weights)
def test_shares_sum_to_the_total_and_stay_within_a_cent(total: int, weights: list[Decimal]) -> None:
    shares = split_cents(total, weights)
    assert sum(shares) == total
    weight_sum = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        exact = Decimal(total) * weight / weight_sum
        assert abs(Decimal(share) - exact) < 1
        assert share >= 0


@settings(deadline=None)
@given(total=st.integers(min_value=0, max_value=10**7), count=st.integers(1, 30))
def test_equal_shares_differ_by_at_most_a_cent(total: int, count: int) -> None:
    shares = split_cents(total, [1] * count)
    assert max(shares) - min(shares) <= 1
    assert shares == sorted(shares, reverse=True)
