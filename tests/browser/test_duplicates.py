"""A cluster manager finds a duplicate on the "Dubletten" page, chooses field by field,
looks at the preview and merges the pair; the people move to the survivor — in Chromium, at
laptop and phone width, with screenshots under ``var/screenshots/``."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import BrowserContext, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Affiliation, Organisation
from tests.browser.test_layout import SCREENSHOTS, assert_no_horizontal_overflow
from tests.factories import (
    AccountFactory,
    AffiliationFactory,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
)


def log_in(context: BrowserContext, user: User, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_manager_merges_a_duplicate_pair(
    page: Page, browser_context: BrowserContext, live_server: LiveServer, width: int
) -> None:
    page.set_viewport_size(ViewportSize(width=width, height=800))
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    pepperl = OrganisationFactory.create(
        name="Pepperl+Fuchs", legal_form="SE", city="Mannheim", street=""
    )
    twin = OrganisationFactory.create(
        name="Pepperl + Fuchs", legal_form="AG", city="Mannheim", street="Lilienthalstraße 200"
    )
    OrganisationFactory.create(name="Fuchs Lubricants Germany GmbH", city="Mannheim")
    for organisation in (pepperl, twin):
        MembershipFactory.create(organisation=organisation, cluster=smart)
    moving = AffiliationFactory.create(organisation=twin).person
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)
    log_in(browser_context, manager, live_server.url)

    page.goto("/intern/organisationen/")
    page.get_by_role("link", name="Dubletten prüfen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dubletten")
    row = page.locator("li.duplicate-pair").first
    expect(row).to_contain_text("gleicher Name bis auf die Rechtsform (SE / AG)")
    expect(page.locator("li.duplicate-pair")).to_have_count(1)
    shoot(page, "duplicates-list")
    if width == 1280:
        assert_no_horizontal_overflow(page)

    row.get_by_role("link", name="Zusammenführen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Einträge zusammenführen")
    page.get_by_role("group", name="Rechtsform").get_by_label("AG").check()
    page.get_by_role("button", name="Vorschau aktualisieren").click()
    preview = page.locator(".merge-preview")
    expect(preview).to_contain_text("Lilienthalstraße 200")  # filled from the duplicate
    expect(preview).to_contain_text("AG")
    shoot(page, "duplicates-merge")
    assert Organisation.objects.filter(pk=twin.pk).exists()  # a preview changes nothing

    page.get_by_role("button", name="Zusammenführen").click()
    expect(page.get_by_text("Die Einträge wurden zusammengeführt.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pepperl+Fuchs")
    shoot(page, "duplicates-merged")
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    survivor = Organisation.objects.get(pk=pepperl.pk)
    assert (survivor.legal_form, survivor.street) == ("AG", "Lilienthalstraße 200")
    assert Affiliation.objects.filter(organisation=survivor, person=moving).exists()
    assert AuditEntry.objects.filter(object_id=str(twin.pk), action="delete").exists()

    page.goto("/intern/dubletten/")
    expect(page.get_by_text("Keine möglichen Dubletten.")).to_be_visible()
