"""The format statistics in Chromium: the bars are drawn where a person can see them, as long
as their values say, in the chart's colour, with the table of values beside the chart."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.events import charts
from clusterhub.events.models import Event, Format, Registration
from tests.factories import AccountFactory, PersonFactory

SCREENSHOTS = Path(os.environ.get("CLUSTERHUB_SCREENSHOTS", tempfile.gettempdir()))


def held(series: Format, days_ago: int, capacity: int, registered: int) -> Event:
    start = timezone.now() - dt.timedelta(days=days_ago)
    event = Event.objects.create(
        format=series,
        title=series.name,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        capacity=capacity,
    )
    for _index in range(registered):
        Registration.objects.create(
            event=event, person=PersonFactory.create(), status=Registration.Status.ATTENDED
        )
    return event


def bar_pixels(image: Image.Image) -> int:
    """Pixels of the bar colour (antialiased edges aside) in a screenshot."""
    target = tuple(int(charts.BAR_COLOUR[i : i + 2], 16) for i in (1, 3, 5))
    data = image.convert("RGB").tobytes()
    pixels = (data[i : i + 3] for i in range(0, len(data), 3))
    return sum(
        1 for pixel in pixels if all(abs(a - b) <= 8 for a, b in zip(pixel, target, strict=True))
    )


def test_the_utilisation_bars_are_visible_and_proportional(page: Page) -> None:
    AccountFactory.create(role=Account.Role.STAFF_READER, user__username="leserin")
    series = Format.objects.create(name="Social Innovation Bar", slug="sib")
    held(series, 120, capacity=4, registered=1)
    held(series, 10, capacity=4, registered=4)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("leserin")
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.goto(f"/intern/formate/{series.pk}/statistik/")

    chart = page.locator("#utilisation-chart")
    expect(chart.get_by_role("table")).to_contain_text("1 / 4")
    expect(chart.get_by_role("table")).to_contain_text("4 / 4")
    rows = chart.locator("svg g.bar-row")
    assert rows.count() == 2
    page.screenshot(path=str(SCREENSHOTS / "format-statistics.png"), full_page=True)
    drawn = [bar_pixels(Image.open(io.BytesIO(rows.nth(i).screenshot()))) for i in range(2)]
    assert drawn[1] > 1000  # a full bar of a 1280 px page is hundreds of pixels long
    assert drawn[0] / drawn[1] == pytest.approx(0.25, abs=0.03)
    svg, table = chart.locator("svg").bounding_box(), chart.get_by_role("table").bounding_box()
    assert svg is not None and table is not None
    assert table["x"] >= svg["x"] + svg["width"] - 1  # beside the chart, not below it
