"""Small calculations shared by every dashboard figure: change against the period before,
rates, repeat participants, and where an organisation comes from."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def before(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - dt.timedelta(days=1)
        return Period(start=end - dt.timedelta(days=self.days - 1), end=end)


@dataclass(frozen=True)
class Change:
    current: float
    previous: float

    @property
    def difference(self) -> float:
        return self.current - self.previous

    @property
    def percent(self) -> int | None:
        """Change in percent of the previous value; None when there was nothing before."""
        if self.previous == 0:
            return None
        return round(100 * (self.current - self.previous) / self.previous)


def rate(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` from 0 to 1, or None when ``whole`` is empty."""
    return None if whole <= 0 else part / whole


def repeat_count(appearances: Iterable[Hashable]) -> int:
    """How many distinct keys appear more than once (a person at two or more events)."""
    return sum(1 for count in Counter(appearances).values() if count > 1)


HOME = "home"
REGION = "region"
COUNTRY = "country"
ABROAD = "abroad"


def origin(
    city: str,
    postcode: str,
    country: str,
    *,
    home_city: str,
    home_country: str,
    region_postcodes: tuple[str, ...],
) -> str:
    """Where an organisation comes from: the home city, the region around it (postcodes that
    start with one of ``region_postcodes``), the rest of the home country, or abroad."""
    if (country or home_country).upper() != home_country.upper():
        return ABROAD
    if city.strip().casefold() == home_city.casefold():
        return HOME
    if postcode.strip().startswith(region_postcodes):
        return REGION
    return COUNTRY
