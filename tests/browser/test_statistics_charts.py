"""The format statistics in Chromium: ECharts draws the bars where a person can see them, as
long as their values say, in the chart's colour, with the table of values beside the chart."""

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


def bar_lengths(image: Image.Image) -> list[int]:
    """The length in pixels of each bar (the bar colour, antialiased edges aside) in a
    screenshot of a horizontal bar chart, top to bottom: the widest line of each band of rows
    that holds the colour."""
    target = tuple(int(charts.BAR_COLOUR[i : i + 2], 16) for i in (1, 3, 5))
    rgb = image.convert("RGB")
    width, height = rgb.size
    data = rgb.tobytes()
    lengths: list[int] = []
    in_band = False
    for y in range(height):
        row = data[y * width * 3 : (y + 1) * width * 3]
        count = sum(
            1 for x in range(width) if all(abs(row[3 * x + i] - target[i]) <= 8 for i in range(3))
        )
        if count and not in_band:
            lengths.append(count)
        elif count:
            lengths[-1] = max(lengths[-1], count)
        in_band = bool(count)
    return lengths


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
    drawing = chart.locator(".echart svg")  # ECharts' SVG renderer
    expect(drawing).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "format-statistics.png"), full_page=True)
    drawn = bar_lengths(Image.open(io.BytesIO(chart.locator(".echart").screenshot())))
    assert len(drawn) == 2
    assert drawn[1] > 300  # a full bar of a 1280 px page is hundreds of pixels long
    assert drawn[0] / drawn[1] == pytest.approx(0.25, abs=0.03)
    svg, table = drawing.bounding_box(), chart.get_by_role("table").bounding_box()
    assert svg is not None and table is not None
    assert table["x"] >= svg["x"] + svg["width"] - 1  # beside the chart, not below it
