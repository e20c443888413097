"""Slots from weekly availability: closed days, busy times, summer time, no repeats."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.booking import Busy, WeeklyWindow, bookable_starts, overlaps

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = WeeklyWindow(weekday=1, start=dt.time(9), end=dt.time(12))


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def test_a_window_is_cut_into_back_to_back_slots() -> None:
    starts = bookable_starts(
        [TUESDAY_MORNING],
        duration=dt.timedelta(minutes=45),
        first_day=dt.date(2027, 1, 4),
        last_day=dt.date(2027, 1, 10),
        zone=BERLIN,
    )
    assert starts == [
        berlin(2027, 1, 5, 9),
        berlin(2027, 1, 5, 9, 45),
        berlin(2027, 1, 5, 10, 30),
        berlin(2027, 1, 5, 11, 15),  # ends at 12:00 sharp; 12:00 itself would end after
    ]


def test_closed_days_busy_times_and_the_past_are_not_offered() -> None:
    starts = bookable_starts(
        [TUESDAY_MORNING],
        duration=dt.timedelta(hours=1),
        first_day=dt.date(2027, 1, 4),
        last_day=dt.date(2027, 1, 24),
        zone=BERLIN,
        closed_days=[dt.date(2027, 1, 12)],
        busy=[Busy(berlin(2027, 1, 19, 9, 30), berlin(2027, 1, 19, 10, 15))],
        not_before=berlin(2027, 1, 5, 9, 30),
    )
    assert starts == [
        berlin(2027, 1, 5, 10),
        berlin(2027, 1, 5, 11),
        berlin(2027, 1, 19, 11),
    ]


def test_a_window_keeps_its_wall_clock_time_across_summer_time() -> None:
    starts = bookable_starts(
        [TUESDAY_MORNING],
        duration=dt.timedelta(hours=3),
        first_day=dt.date(2027, 3, 23),
        last_day=dt.date(2027, 3, 30),
        zone=BERLIN,
    )
    assert [start.astimezone(BERLIN).hour for start in starts] == [9, 9]
    utc = ZoneInfo("UTC")
    elapsed = starts[1].astimezone(utc) - starts[0].astimezone(utc)
    assert elapsed == dt.timedelta(days=7) - dt.timedelta(hours=1)


def test_validity_limits_the_window() -> None:
    window = WeeklyWindow(1, dt.time(9), dt.time(10), valid_from=dt.date(2027, 1, 12))
    starts = bookable_starts(
        [window],
        duration=dt.timedelta(hours=1),
        first_day=dt.date(2027, 1, 4),
        last_day=dt.date(2027, 1, 19),
        zone=BERLIN,
    )
    assert starts == [berlin(2027, 1, 12, 9), berlin(2027, 1, 19, 9)]


minutes = st.integers(min_value=0, max_value=23 * 60)


@st.composite
def windows(draw: st.DrawFn) -> WeeklyWindow:
    start = draw(minutes)
    length = draw(st.integers(min_value=15, max_value=8 * 60))
    end = min(start + length, 24 * 60 - 1)
    return WeeklyWindow(
        weekday=draw(st.integers(0, 6)),
        start=dt.time(start // 60, start % 60),
        end=dt.time(end // 60, end % 60),
    )


@given(
    st.lists(windows(), max_size=4),
    st.integers(min_value=15, max_value=120),
    st.lists(st.tuples(st.integers(0, 13 * 24 * 60), st.integers(5, 180)), max_size=6),
)
def test_slots_are_sorted_unique_inside_windows_and_never_meet_a_busy_time(
    week: list[WeeklyWindow], length: int, busy_spans: list[tuple[int, int]]
) -> None:
    origin = berlin(2027, 2, 1)
    busy = [
        Busy(origin + dt.timedelta(minutes=at), origin + dt.timedelta(minutes=at + span))
        for at, span in busy_spans
    ]
    duration = dt.timedelta(minutes=length)
    starts = bookable_starts(
        week,
        duration=duration,
        first_day=dt.date(2027, 2, 1),
        last_day=dt.date(2027, 2, 14),
        zone=BERLIN,
        busy=busy,
    )
    assert starts == sorted(set(starts))
    for start in starts:
        assert not overlaps(start, start + duration, busy)
        local = start.astimezone(BERLIN)
        assert any(
            window.applies_on(local.date())
            and window.start <= local.time()
            and (local + duration).time() <= window.end
            and (local + duration).date() == local.date()
            for window in week
        )
