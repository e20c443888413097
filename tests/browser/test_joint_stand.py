"""A manager enters two co-exhibitors on a stand with one place: the first is accepted with
the whole cost as its share, the second waits — in Chromium, at 1280 and 375 px."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.support.models import JointStand
from tests.browser.test_layout import assert_no_horizontal_overflow, log_in, shoot
from tests.factories import AccountFactory, ClusterFactory, OrganisationFactory


def test_a_full_stand_puts_the_next_co_exhibitor_on_the_waiting_list(
    page: Page, browser_context: BrowserContext, live_server: object
) -> None:
    smart = ClusterFactory.create(slug="smart-industries", name="Smart Industries")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager.smart"
    ).user
    smart.managers.add(manager)
    starts = timezone.localdate() + dt.timedelta(days=100)
    JointStand.objects.create(
        fair="Hannover Messe 2027",
        slug="hannover-messe-2027",
        place="Halle 16",
        starts_on=starts,
        ends_on=starts + dt.timedelta(days=4),
        cluster=smart,
        places=1,
        total_cost=Decimal("12500.00"),
    )
    OrganisationFactory.create(name="Robotik Rhein GmbH")
    OrganisationFactory.create(name="Sensorwerk Neckar AG")
    log_in(browser_context, manager, str(live_server))

    page.goto("/intern/messen/")
    page.get_by_role("link", name="Hannover Messe 2027").click()
    for name in ("Robotik Rhein GmbH", "Sensorwerk Neckar AG"):
        page.locator("#id_anmeldung-organisation").select_option(label=name)
        page.locator("#id_anmeldung-contact_name").fill("Lena Hoffmann")
        page.locator("#id_anmeldung-contact_name").press("Enter")
        expect(page.get_by_text("Die Anmeldung ist eingetragen.")).to_be_visible()

    exhibitors = page.locator("table.fair-exhibitors")
    expect(exhibitors).to_contain_text("Robotik Rhein GmbH")
    expect(exhibitors).to_contain_text("12.500,00")
    expect(page.get_by_role("listitem").filter(has_text="Sensorwerk Neckar AG")).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, "joint-stand")
        assert_no_horizontal_overflow(page)
