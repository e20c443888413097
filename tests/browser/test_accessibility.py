"""Basic WCAG 2.1 checks on the main pages: one h1, a language, labelled controls, keyboard."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from tests.factories import (
    AccountFactory,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
)

UNLABELLED_CONTROLS = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)
"""


def assert_page_is_accessible(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_count(1)
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    assert page.locator("img:not([alt])").count() == 0


def test_public_and_staff_pages_pass_basic_checks(page: Page) -> None:
    cluster = ClusterFactory.create(slug="green", name="Green Industry Cluster")
    organisation = OrganisationFactory.create(name="Wärmewerk Mannheim", listed_publicly=True)
    MembershipFactory.create(organisation=organisation, cluster=cluster)
    twin = OrganisationFactory.create(name="Waermewerk Mannheim GmbH")
    MembershipFactory.create(organisation=twin, cluster=cluster)
    manager = AccountFactory.create(role=Account.Role.CLUSTER_MANAGER, user__username="m").user
    cluster.managers.add(manager)

    for url in ["/", "/cluster/green/", "/verzeichnis/", f"/verzeichnis/{organisation.pk}/"]:
        page.goto(url)
        assert_page_is_accessible(page)

    # Keyboard only: the skip link comes first and moves focus to the content.
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    page.goto("/anmelden/")
    assert_page_is_accessible(page)
    expect(page.get_by_label("Benutzername")).to_be_focused()
    page.get_by_label("Benutzername").fill("m")
    page.get_by_label("Passwort").fill("geheim-123")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()
    for url in [
        "/intern/",
        "/intern/organisationen/",
        f"/intern/organisationen/{organisation.pk}/",
        f"/intern/organisationen/{organisation.pk}/bearbeiten/",
        "/intern/wiedervorlagen/",
        "/intern/dubletten/",
        f"/intern/dubletten/{organisation.pk}/{twin.pk}/",
    ]:
        page.goto(url)
        assert_page_is_accessible(page)
