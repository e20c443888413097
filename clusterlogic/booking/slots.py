"""Which appointments can still be booked: weekly windows of availability, minus closed days
and what is already taken, cut into slots of one length.

Plain data in and out. Times are wall-clock times in the adviser's time zone; the result is
aware datetimes, so a window "Tuesdays 9:00–12:00" stays at 9:00 across the change to and from
summer time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WeeklyWindow:
    """Available every ``weekday`` (0 = Monday) from ``start`` to ``end``, on the days from
    ``valid_from`` to ``valid_until`` (both included; None: open-ended)."""

    weekday: int
    start: dt.time
    end: dt.time
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def applies_on(self, day: dt.date) -> bool:
        if day.weekday() != self.weekday:
            return False
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until


@dataclass(frozen=True)
class Busy:
    """A time that is taken (a booking, of any length)."""

    starts_at: dt.datetime
    ends_at: dt.datetime


def overlaps(starts_at: dt.datetime, ends_at: dt.datetime, busy: Iterable[Busy]) -> bool:
    """Whether [starts_at, ends_at) meets any busy time (touching ends do not overlap)."""
    return any(starts_at < taken.ends_at and taken.starts_at < ends_at for taken in busy)


def bookable_starts(
    windows: Iterable[WeeklyWindow],
    *,
    duration: dt.timedelta,
    first_day: dt.date,
    last_day: dt.date,
    zone: ZoneInfo,
    closed_days: Iterable[dt.date] = (),
    busy: Iterable[Busy] = (),
    not_before: dt.datetime | None = None,
) -> list[dt.datetime]:
    """Every start of a slot of ``duration`` that lies inside a window on a day from
    ``first_day`` to ``last_day``, is not on a closed day, begins at or after ``not_before``
    and meets no busy time; sorted, without repeats (two windows that overlap give a slot
    once). Slots follow each other from the window's start, back to back."""
    if duration <= dt.timedelta(0):
        raise ValueError("duration must be positive")
    windows = list(windows)
    closed = set(closed_days)
    taken = sorted(busy, key=lambda item: item.starts_at)
    starts: set[dt.datetime] = set()
    day = first_day
    while day <= last_day:
        if day not in closed:
            for window in windows:
                if window.applies_on(day):
                    starts.update(_slots_in(window, day, duration, zone))
        day += dt.timedelta(days=1)
    return [
        start
        for start in sorted(starts)
        if (not_before is None or start >= not_before)
        and not overlaps(start, start + duration, taken)
    ]


def _slots_in(
    window: WeeklyWindow, day: dt.date, duration: dt.timedelta, zone: ZoneInfo
) -> list[dt.datetime]:
    opens = dt.datetime.combine(day, window.start, tzinfo=zone)
    closes = dt.datetime.combine(day, window.end, tzinfo=zone)
    slots = []
    start = opens
    while start + duration <= closes:
        slots.append(start)
        # Wall-clock arithmetic: the slot after 9:00 is 9:45 on any day of the year.
        start = start + duration
    return slots
