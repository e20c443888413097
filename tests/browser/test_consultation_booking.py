"""A founder books and moves a consultation without an account; the adviser sees it with
its outcome form — in Chromium, at 1280 and 375 px."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.support.models import Booking
from clusterhub.support.tests.conftest import make_offer
from tests.browser.test_layout import assert_no_horizontal_overflow, log_in, shoot
from tests.factories import AccountFactory, ClusterFactory


def test_founder_books_and_moves_and_the_adviser_sees_the_outcome_form(
    page: Page, browser_context: BrowserContext, live_server: object
) -> None:
    cluster = ClusterFactory.create(slug="social-economy", name="Social Economy")
    adviser: User = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER,
        user__username="berater",
        user__first_name="Petra",
        user__last_name="Beraterin",
    ).user
    cluster.managers.add(adviser)
    make_offer(cluster=cluster, adviser=adviser, slug="exi")

    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/beratung/angebot/exi/")
        shoot(page, "consultation-offer")
        assert_no_horizontal_overflow(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/beratung/")
    page.get_by_role("link", name="Exi-Gründungsberatung").click()
    page.locator("input[name=slot]").first.check()
    page.get_by_label("Ihr Name").fill("Aylin Demir")
    page.get_by_label("E-Mail-Adresse").fill("aylin@example.org")
    page.get_by_label("Ihr Anliegen").fill("Gründung einer Sozialgenossenschaft")
    page.get_by_label("Ich willige ein").check()
    page.get_by_role("button", name="Termin verbindlich buchen").click()

    expect(page.get_by_role("heading", name="Ihr Beratungstermin")).to_be_visible()
    booking = Booking.objects.get()
    first_time = page.locator("#booked-time").inner_text()
    shoot(page, "consultation-booked")

    page.locator(".move-form input[name=slot]").nth(1).check()
    page.get_by_role("button", name="Auf den gewählten Termin verschieben").click()
    expect(page.get_by_text("Ihr Termin ist verschoben")).to_be_visible()
    assert page.locator("#booked-time").inner_text() != first_time
    booking.refresh_from_db()
    assert Booking.objects.count() == 1 and booking.status == Booking.Status.BOOKED

    adviser_context = page.context.browser.new_context(  # type: ignore[union-attr]
        base_url=str(live_server), locale="de-DE", timezone_id="Europe/Berlin"
    )
    log_in(adviser_context, adviser, str(live_server))
    staff = adviser_context.new_page()
    for width in (1280, 375):
        staff.set_viewport_size({"width": width, "height": 900})
        staff.goto("/intern/beratung/")
        expect(staff.get_by_role("cell", name="Aylin Demir")).to_be_visible()
        shoot(staff, "consultation-staff-list")
    staff.set_viewport_size({"width": 1280, "height": 900})
    staff.locator("table a").first.click()
    expect(staff.get_by_text("Gründung einer Sozialgenossenschaft")).to_be_visible()
    expect(staff.get_by_label("Besprochene Themen")).to_be_visible()
    shoot(staff, "consultation-outcome-form")
    adviser_context.close()
