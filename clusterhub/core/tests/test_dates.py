"""Dates follow the page's language through Django's named formats (config/formats/de, en)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import formats, translation

from tests.support.events import make_event

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected", "wrong"),
    [
        ("/veranstaltungen/", "Freitag, 8. Januar 2027, 14:00", "Friday"),
        ("/en/veranstaltungen/", "Friday, 8 January 2027, 14:00", "8. January"),
    ],
)
def test_event_dates_read_the_way_the_page_s_language_writes_them(
    client: Client, path: str, expected: str, wrong: str
) -> None:
    # 13:00 UTC is 14:00 in Mannheim: the default time zone applies without a tz block.
    starts = dt.datetime(2027, 1, 8, 13, 0, tzinfo=dt.UTC)
    make_event(starts_at=starts, ends_at=starts + dt.timedelta(hours=3))

    page = client.get(path).content.decode()

    assert expected in page
    assert "17:00" in page
    assert wrong not in page


def test_english_and_german_named_formats_keep_day_before_month() -> None:
    moment = dt.datetime(2027, 1, 8, 14, 0, tzinfo=BERLIN)
    with translation.override("en"):
        english = formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    with translation.override("de"):
        german = formats.date_format(moment, "DATETIME_FORMAT")
    assert english == "08/01/2027 14:00"
    assert german == "8. Januar 2027, 14:00"
