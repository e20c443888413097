"""A new contract shows in the room's occupancy chart and its table — in Chromium, at 1280
and 375 px."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.support.models import Building, Room
from tests.browser.test_layout import assert_no_horizontal_overflow, log_in, shoot
from tests.factories import AccountFactory, ClusterFactory, OrganisationFactory


def test_a_new_contract_shows_in_the_occupancy_chart(
    page: Page, browser_context: BrowserContext, live_server: object
) -> None:
    mmt = ClusterFactory.create(slug="mmt", name="Medical Technology Cluster")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager.medtech"
    ).user
    mmt.managers.add(manager)
    building = Building.objects.create(name="CUBEX 41", slug="cubex-41", cluster=mmt)
    Room.objects.create(building=building, name="A 1.01", kind="office", size_sqm=Decimal(25))
    Room.objects.create(building=building, name="A 1.02", kind="office", size_sqm=Decimal(75))
    OrganisationFactory.create(name="Medi Start GmbH", kind="startup")
    log_in(browser_context, manager, str(live_server))

    page.goto("/intern/raeume/cubex-41/")
    this_month = page.locator(".occupancy-chart tr.current-month")
    expect(this_month).to_contain_text("0 / 100 m² (0 %)")
    page.get_by_label("Raum").first.select_option(label="CUBEX 41 – A 1.02")
    page.locator("#id_vertrag-organisation").select_option(label="Medi Start GmbH")
    page.locator("#id_vertrag-starts_on").fill(timezone.localdate().replace(day=1).isoformat())
    page.get_by_label("Miete je Monat (EUR)").fill("900")
    page.get_by_label("Miete je Monat (EUR)").press("Enter")

    expect(page.get_by_text("Der Mietvertrag ist eingetragen.")).to_be_visible()
    this_month = page.locator(".occupancy-chart tr.current-month")
    expect(this_month).to_contain_text("75 / 100 m² (75 %)")
    bar_width = this_month.locator(".bar").evaluate("el => el.style.width")
    assert bar_width == "75%"
    expect(page.get_by_role("cell", name="Medi Start GmbH", exact=False).first).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, "incubator-building")
        assert_no_horizontal_overflow(page)
