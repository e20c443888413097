"""After login each role lands where it works; a page the role may not open says so in German
with the menu, not a bare "403 Forbidden"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from tests.factories import AccountFactory, OrganisationFactory


def log_in(page: Page, username: str, path: str = "/anmelden/") -> None:
    page.goto(path)
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort", exact=True).fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()


@pytest.mark.parametrize(
    ("role", "path", "heading"),
    [
        (Account.Role.MEMBER_EDITOR, "/mein-profil/", "Profil von Rheinhafen Logistik GmbH"),
        (Account.Role.CLUSTER_MANAGER, "/intern/", "Übersicht"),
        (Account.Role.STAFF_READER, "/intern/", "Übersicht"),
        (Account.Role.ADMINISTRATOR, "/intern/", "Übersicht"),
    ],
)
def test_each_role_lands_on_its_own_page_after_login(
    page: Page, role: str, path: str, heading: str
) -> None:
    organisation = OrganisationFactory.create(name="Rheinhafen Logistik GmbH")
    AccountFactory.create(
        role=role,
        user__username="person",
        organisation=organisation if role == Account.Role.MEMBER_EDITOR else None,
    )

    log_in(page, "person")

    page.wait_for_url(f"**{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)


def test_a_member_sent_to_the_staff_overview_lands_on_her_profile(page: Page) -> None:
    organisation = OrganisationFactory.create(name="Rheinhafen Logistik GmbH")
    AccountFactory.create(
        role=Account.Role.MEMBER_EDITOR, user__username="mitglied", organisation=organisation
    )

    log_in(page, "mitglied", "/anmelden/?next=/intern/")

    page.wait_for_url("**/mein-profil/")


def test_a_member_opening_the_staff_overview_sees_the_german_403_page(page: Page) -> None:
    organisation = OrganisationFactory.create(name="Rheinhafen Logistik GmbH")
    AccountFactory.create(
        role=Account.Role.MEMBER_EDITOR, user__username="mitglied", organisation=organisation
    )
    log_in(page, "mitglied")
    page.wait_for_url("**/mein-profil/")

    response = page.goto("/intern/")

    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Kein Zugriff")
    expect(page.get_by_text("Diese Seite ist für Ihre Rolle nicht freigegeben.")).to_be_visible()
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Mein Profil")).to_be_visible()
    page.get_by_role("link", name="Zu Ihrer Startseite").click()
    page.wait_for_url("**/mein-profil/")
