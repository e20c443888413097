"""A cluster manager logs in, finds an organisation by a misspelt name, edits it, and an
administrator sees the change in the audit log — in Chromium, as a person would."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Organisation
from tests.factories import (
    AccountFactory,
    ClusterFactory,
    InteractionFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)


def log_in(page: Page, username: str) -> None:
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()


def test_manager_finds_misspelt_organisation_edits_it_and_admin_sees_audit(page: Page) -> None:
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    green = ClusterFactory.create(slug="green-industry", name="Green Industry Cluster")
    pepperl = OrganisationFactory.create(name="Pepperl+Fuchs", legal_form="SE")
    MembershipFactory.create(organisation=pepperl, cluster=smart)
    OrganisationFactory.create(name="Fuchs Lubricants Germany GmbH")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)
    other_note = InteractionFactory.create(
        cluster=green, organisation=pepperl, subject="Green-Notiz"
    )
    admin = UserFactory.create(username="chefin", is_superuser=True)
    AccountFactory.create(user=admin, role=Account.Role.ADMINISTRATOR)

    log_in(page, "manager")
    page.get_by_role("link", name="Organisationen").first.click()
    page.get_by_label("Suche").fill("peperl fuchs")
    page.keyboard.press("Enter")
    first_result = page.locator("#results tbody tr").first
    expect(first_result).to_contain_text("Pepperl+Fuchs")
    first_result.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pepperl+Fuchs")
    expect(page.get_by_text("1 Notiz eines anderen Clusters")).to_be_visible()

    page.get_by_role("link", name="Bearbeiten").click()
    page.get_by_label("Sucht").fill("Partner für Wasserstoff-Sensorik")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Änderungen wurden gespeichert.")).to_be_visible()
    assert Organisation.objects.get(pk=pepperl.pk).seeks == "Partner für Wasserstoff-Sensorik"

    response = page.goto(f"/intern/kontakte/{other_note.pk}/")
    assert response is not None and response.status == 403

    page.goto("/")
    page.get_by_role("button", name="Abmelden").click()
    log_in(page, "chefin")
    page.get_by_role("link", name="Protokoll").click()
    # The newest entry about Pepperl+Fuchs may be her opening the page again (views are
    # audited too); the change is the one that says what was sought.
    entry = page.locator("tr.audit-entry", has_text="Sucht: ").first
    expect(entry).to_contain_text("manager")
    expect(entry).to_contain_text("Sucht: ")
    expect(entry).to_contain_text("→ Partner für Wasserstoff-Sensorik")
    expect(entry.get_by_role("link", name="Pepperl+Fuchs")).to_be_visible()
    refused = page.locator("tr.audit-entry", has_text="Zugriff verweigert").first
    expect(refused).to_contain_text(f"/intern/kontakte/{other_note.pk}/")
    expect(refused).to_contain_text("Clustermanagement")

    page.get_by_label("Objektart").select_option(label="Organisation")
    page.get_by_label("Aktion").select_option(label="Geändert")
    page.get_by_role("button", name="Filtern").click()
    expect(page.locator("tr.audit-entry")).to_have_count(1)
    expect(page.locator("tr.audit-entry")).to_contain_text("Pepperl+Fuchs")
    assert AuditEntry.objects.filter(object_id=str(pepperl.pk), action="update").count() == 1


def test_public_home_is_german_and_lists_clusters(page: Page) -> None:
    ClusterFactory.create(slug="medtech", name="Mannheim Medical Technology Cluster")
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cluster und Netzwerke")
    page.get_by_role("link", name="Mannheim Medical Technology Cluster").click()
    expect(page).to_have_url(re.compile(r"/cluster/medtech/$"))
