"""Weighted means and places."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.review import Criterion, rank, weighted_score

SHEET = [Criterion("team", 30), Criterion("market", 25), Criterion("innovation", 25)]


def test_weights_count_in_proportion() -> None:
    assert weighted_score(SHEET, {"team": 5, "market": 1, "innovation": 1}) == pytest.approx(
        (150 + 25 + 25) / 80
    )


def test_an_empty_sheet_is_refused() -> None:
    with pytest.raises(ValueError):
        weighted_score(SHEET, {})


def test_equal_means_share_a_place_and_unscored_come_last() -> None:
    five = {"team": 5, "market": 5, "innovation": 5}
    three = {"team": 3, "market": 3, "innovation": 3}
    ranked = rank(SHEET, {"a": [three], "b": [], "c": [five], "d": [five, five]})
    assert [(r.subject, r.place, r.mean) for r in ranked] == [
        ("c", 1, 5.0),
        ("d", 1, 5.0),
        ("a", 3, 3.0),
        ("b", 4, None),
    ]


@given(st.lists(st.integers(1, 5), min_size=3, max_size=3))
def test_a_weighted_score_stays_within_the_scale(scores: list[int]) -> None:
    value = weighted_score(SHEET, dict(zip(["team", "market", "innovation"], scores, strict=True)))
    assert 1 <= value <= 5
