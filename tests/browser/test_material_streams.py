"""A cluster manager records a material need; the page matches it with an offer of the same
waste code and says how far apart they are — in Chromium, at 1280 and 375 px."""

from __future__ import annotations

from decimal import Decimal

from playwright.sync_api import BrowserContext, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.support import streams
from clusterhub.support.models import MaterialStream
from tests.browser.test_layout import assert_no_horizontal_overflow, log_in, shoot
from tests.factories import AccountFactory, ClusterFactory, MembershipFactory, OrganisationFactory


def test_an_offer_and_a_need_with_the_same_code_are_matched_with_their_distance(
    page: Page, browser_context: BrowserContext, live_server: object
) -> None:
    green = ClusterFactory.create(slug="green-industry", name="Green Industry Cluster")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager.green"
    ).user
    green.managers.add(manager)
    essity = OrganisationFactory.create(name="Essity Operations Mannheim GmbH", city="Mannheim")
    mvv = OrganisationFactory.create(name="MVV Energie AG", city="Mannheim")
    for firm in (essity, mvv):
        MembershipFactory.create(organisation=firm, cluster=green)
    streams.record_stream(
        manager,
        essity,
        streams.StreamData("offer", "Faserreststoffe", "030305", Decimal(5000), "Mannheim"),
    )
    log_in(browser_context, manager, str(live_server))

    page.goto("/intern/stoffstroeme/")
    expect(page.get_by_text("Noch keine passenden Angebote.")).to_be_visible()
    page.get_by_label("Organisation", exact=True).select_option(label="MVV Energie AG")
    page.get_by_label("Art").select_option("need")
    page.get_by_label("Material").fill("Faserreststoffe zur Verwertung")
    page.get_by_label("Abfallschlüssel (AVV)").fill("03 03 05")
    page.get_by_label("Menge (t/Jahr)").fill("8000")
    page.get_by_label("Ort").fill("Heidelberg")
    page.get_by_label("Ort").press("Enter")

    expect(page.get_by_text("Der Stoffstrom ist gespeichert.")).to_be_visible()
    reasons = page.locator(".match-reasons").first
    expect(reasons).to_contain_text("gleicher Abfallschlüssel 03 03 05")
    expect(reasons).to_contain_text("km entfernt")
    assert MaterialStream.objects.filter(kind="need", organisation=mvv).exists()
    # The map draws both streams and the line between them (its tiles may be unreachable
    # here: the markers stand on a blank background, and the tables say the same).
    expect(page.locator("#stream-map.leaflet-container")).to_be_visible()
    expect(page.locator("#stream-map path.leaflet-interactive")).to_have_count(3)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, "material-streams")
        assert_no_horizontal_overflow(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Vorstellen").first.click()
    expect(page.get_by_text("sind einander vorgestellt")).to_be_visible()
