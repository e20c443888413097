"""The insight pages in Chromium on the demo: the city-wide dashboard, the heat map, the
network and the topic proposals draw their charts (ECharts, SVG) beside their tables without
a Content-Security-Policy complaint, and a cluster's annual report PDF holds the member count
exactly as the cluster's dashboard shows it (read with pdftotext)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.browser.test_accessibility import assert_page_is_accessible

SCREENSHOTS = Path(os.environ.get("CLUSTERHUB_SCREENSHOTS", tempfile.gettempdir()))
WIDTHS = (1280, 375)


@pytest.fixture
def demo(settings: Any, immediate_tasks: None) -> None:
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", regional=400, seed=42, no_logins=True, stdout=quiet)


def shoot(page: Page, name: str) -> None:
    assert_page_is_accessible(page)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"insight-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def members_shown(page: Page) -> str:
    cell = page.locator('#insight-figures tr[data-figure="members"] td').first
    return cell.inner_text().strip()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils)")
def test_the_insight_pages_draw_and_the_report_repeats_the_dashboard(
    page: Page, demo: None
) -> None:
    complaints: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if message.type == "error":
            complaints.append(message.text)

    page.on("console", listen)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("admin")
    page.get_by_label("Passwort").fill("mannheim-demo")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()
    page.locator("#insight-link").click()
    expect(page.get_by_role("heading", name="Auswertungen", exact=True)).to_be_visible()

    page.get_by_role("link", name="Alle Cluster (stadtweit)").click()
    expect(page.locator("#compare-chart .echart svg")).to_be_visible()
    expect(page.locator("#kinds-chart .echart svg")).to_be_visible()
    assert int(members_shown(page).replace(".", "")) > 0
    shoot(page, "city")

    page.goto("/intern/auswertungen/themen/")
    expect(page.locator("[data-chart='theme-heatmap-option'] svg")).to_be_visible()
    expect(page.locator("#theme-table tbody tr").first).to_be_visible()
    shoot(page, "themes")

    page.goto("/intern/auswertungen/netzwerk/")
    expect(page.locator("[data-chart='network-option'] svg")).to_be_visible()
    expect(page.locator("#bridges tbody tr").first).to_contain_text(re.compile(r"\w"))
    shoot(page, "network")

    page.goto("/intern/auswertungen/themenvorschlaege/")
    proposals = page.locator("#topic-proposals > li")
    assert proposals.count() >= 3
    expect(proposals.first.locator(".topic-reasons li").first).to_contain_text("Clustern")
    shoot(page, "topics")

    year = timezone.localdate().year
    page.goto(f"/intern/auswertungen/cluster/smart-industries/?period={year}")
    members = members_shown(page)
    assert members and members != "–"

    page.goto("/intern/auswertungen/berichte/?cluster=smart-industries")
    page.get_by_label("Jahr").select_option(str(year))
    page.get_by_label("Format").select_option("pdf")
    page.get_by_role("button", name="Bericht erstellen").click()
    with page.expect_download() as download_info:
        page.locator("#report-download").click()
    pdf = Path(tempfile.mkdtemp()) / "report.pdf"
    download_info.value.save_as(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Cluster Smart Industries" in text
    line = next(row for row in text.splitlines() if "Mitglieder am Ende des Zeitraums" in row)
    assert line.split()[5] == members  # label (5 words), then this year's figure
    assert complaints == []
