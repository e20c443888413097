"""Anmeldungen prüfen: a public registrant stays out of the registry until a manager links
them to the registry's person the queue offers as a likely duplicate."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.events import services
from clusterhub.events.models import Event
from clusterhub.events.services import RegistrationData
from tests.factories import AccountFactory, ClusterFactory, PersonFactory


def test_manager_links_a_registrant_to_the_offered_duplicate(page: Page) -> None:
    medtech = ClusterFactory.create(slug="medtech", name="Mannheim Medical Technology Cluster")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    medtech.managers.add(manager)
    start = timezone.now() + dt.timedelta(days=3)
    event = Event.objects.create(
        title="MedTech-Frühstück",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        capacity=10,
    )
    event.clusters.add(medtech)
    known = PersonFactory.create(first_name="Jana", last_name="Becker", email="jb@example.org")
    registration = services.register_participant(
        event,
        RegistrationData(first_name="Jana", last_name="Bekker", email="jana@example.org"),
    )
    assert registration.person is None

    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("manager")
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.goto(f"/intern/veranstaltungen/{event.pk}/teilnehmende/")
    page.get_by_role("link", name="Anmeldungen prüfen").click()
    expect(page.locator("#review-count")).to_have_text("1 Anmeldung wartet auf Prüfung.")
    item = page.locator(f"#review-{registration.pk}")
    expect(item).to_contain_text("jana@example.org")
    item.get_by_label("Zuordnen: Jana Becker <jb@example.org>", exact=False).check()
    item.get_by_role("button", name="Entscheidung speichern").click()

    expect(page.get_by_role("status").first).to_contain_text("ist geprüft")
    expect(page.locator("#review-empty")).to_be_visible()
    registration.refresh_from_db()
    assert registration.person == known
