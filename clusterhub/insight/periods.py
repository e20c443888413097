"""The periods a page can be asked for: a calendar year, the last twelve months, or any
from–to; each is compared with the period of the same length before it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from clusterlogic.insight.figures import Period

LAST_TWELVE_MONTHS = "12m"


def today() -> dt.date:
    return timezone.localdate()


def last_twelve_months(on: dt.date | None = None) -> Period:
    end = on or today()
    return Period(start=end - dt.timedelta(days=364), end=end)


def calendar_year(year: int) -> Period:
    return Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


def preset_periods(on: dt.date | None = None) -> list[Period]:
    """The periods the refresh task keeps ready: the last twelve months, this year and the
    two before it."""
    year = (on or today()).year
    return [last_twelve_months(on), *(calendar_year(y) for y in (year, year - 1, year - 2))]


def period_query(period: Period) -> str:
    """The query string that asks for ``period`` again (links between the insight pages)."""
    return f"period=custom&start={period.start.isoformat()}&end={period.end.isoformat()}"
