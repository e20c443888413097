"""Format cadences as RFC 5545 rules: validation and expansion across summer time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from clusterhub.events.recurrence import MAX_OCCURRENCES, occurrences, validate_rule

BERLIN = ZoneInfo("Europe/Berlin")


def test_three_times_a_year_gives_three_dates_a_year() -> None:
    first = dt.datetime(2026, 2, 12, 18, 0, tzinfo=BERLIN)
    starts = occurrences("FREQ=MONTHLY;INTERVAL=4", first, dt.datetime(2026, 12, 31, tzinfo=BERLIN))
    assert [start.date() for start in starts] == [
        dt.date(2026, 2, 12),
        dt.date(2026, 6, 12),
        dt.date(2026, 10, 12),
    ]


def test_wall_clock_time_survives_the_change_to_summer_time() -> None:
    first = dt.datetime(2026, 3, 1, 18, 0, tzinfo=BERLIN)
    starts = occurrences(
        "RRULE:FREQ=MONTHLY;COUNT=2", first, dt.datetime(2027, 1, 1, tzinfo=BERLIN)
    )
    assert [start.hour for start in starts] == [18, 18]
    assert [start.utcoffset() for start in starts] == [dt.timedelta(hours=1), dt.timedelta(hours=2)]


@pytest.mark.parametrize("rule", ["", "FREQ=SOMETIMES", "halbjährlich", "FREQ=YEARLY\nFREQ=DAILY"])
def test_rules_that_are_not_rfc_5545_are_rejected_in_german(rule: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_rule(rule)
    assert "RFC 5545" in str(raised.value)


@given(
    interval=st.integers(min_value=1, max_value=12),
    years=st.integers(min_value=0, max_value=60),
)
def test_expansion_is_ordered_bounded_and_starts_at_the_first_date(
    interval: int, years: int
) -> None:
    first = dt.datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN)
    until = first + dt.timedelta(days=365 * years)
    starts = occurrences(f"FREQ=MONTHLY;INTERVAL={interval}", first, until)
    assert starts == sorted(starts)
    assert len(starts) <= MAX_OCCURRENCES
    assert all(first <= start <= until for start in starts)
    assert starts[0] == first
