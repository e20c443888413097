"""Occupancy per month and overlapping lets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.booking.occupancy import Let, month_starts, monthly_occupancy, periods_overlap

D = dt.date


def test_month_starts_run_over_the_year_end() -> None:
    assert month_starts(D(2026, 11, 20), 3) == [D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1)]


def test_a_new_let_raises_the_share_from_its_month_on() -> None:
    rooms = {1: 20.0, 2: 30.0}
    lets = [Let(1, D(2026, 1, 1)), Let(2, D(2026, 3, 1), D(2026, 4, 30))]
    shares = monthly_occupancy(rooms, lets, month_starts(D(2026, 2, 1), 4))
    assert [s.share for s in shares] == [0.4, 1.0, 1.0, 0.4]
    assert shares[1].let_sqm == 50.0 and shares[1].total_sqm == 50.0


def test_lets_of_other_buildings_do_not_count() -> None:
    [share] = monthly_occupancy({1: 10.0}, [Let(9, D(2026, 1, 1))], [D(2026, 1, 1)])
    assert share.share == 0.0


def test_overlap_includes_the_shared_day_and_open_ends() -> None:
    assert periods_overlap(D(2026, 1, 1), D(2026, 6, 30), D(2026, 6, 30), None)
    assert not periods_overlap(D(2026, 1, 1), D(2026, 6, 29), D(2026, 6, 30), None)
    assert periods_overlap(D(2026, 1, 1), None, D(2030, 1, 1), D(2030, 2, 1))


days = st.dates(min_value=D(2025, 1, 1), max_value=D(2028, 12, 31))


@given(days, st.one_of(st.none(), days), days, st.one_of(st.none(), days), days)
def test_overlap_is_symmetric_and_means_a_common_day(
    a: dt.date, a_end: dt.date | None, b: dt.date, b_end: dt.date | None, probe: dt.date
) -> None:
    if (a_end is not None and a_end < a) or (b_end is not None and b_end < b):
        return
    assert periods_overlap(a, a_end, b, b_end) == periods_overlap(b, b_end, a, a_end)
    if Let(1, a, a_end).covers(probe) and Let(1, b, b_end).covers(probe):
        assert periods_overlap(a, a_end, b, b_end)
