"""How full a building is: let area per month, and whether two lets of one room overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Let:
    """A room let from ``starts_on`` to ``ends_on`` (both included; None: open-ended)."""

    room_id: int
    starts_on: dt.date
    ends_on: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class MonthShare:
    month: dt.date  # the first of the month
    let_sqm: float
    total_sqm: float

    @property
    def share(self) -> float:
        return self.let_sqm / self.total_sqm if self.total_sqm else 0.0


def periods_overlap(
    first_start: dt.date,
    first_end: dt.date | None,
    second_start: dt.date,
    second_end: dt.date | None,
) -> bool:
    """Whether two day ranges (ends included, None: open-ended) share a day."""
    first_before = first_end is not None and first_end < second_start
    second_before = second_end is not None and second_end < first_start
    return not (first_before or second_before)


def month_starts(first: dt.date, count: int) -> list[dt.date]:
    months = []
    year, month = first.year, first.month
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_occupancy(
    rooms: dict[int, float], lets: Iterable[Let], months: list[dt.date]
) -> list[MonthShare]:
    """For each month (its first day), the area of ``rooms`` (id → m²) let on the 15th —
    the middle of the month, so a let that starts or ends within it counts by where it
    stands then — against the whole area."""
    lets = [let for let in lets if let.room_id in rooms]
    total = float(sum(rooms.values()))
    shares = []
    for month in months:
        middle = month.replace(day=15)
        let_rooms = {let.room_id for let in lets if let.covers(middle)}
        shares.append(MonthShare(month, float(sum(rooms[room] for room in let_rooms)), total))
    return shares
