"""At the door: a cluster manager types a name into the participant search (HTMX swaps the
table in place), then opens the QR code's check-in link and checks the person in."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.events import services
from clusterhub.events.checkin import checkin_signature
from clusterhub.events.models import Event, Registration
from clusterhub.events.services import RegistrationData
from tests.factories import AccountFactory, ClusterFactory


def test_manager_searches_at_the_door_and_checks_in_from_the_qr_link(page: Page) -> None:
    medtech = ClusterFactory.create(slug="medtech", name="Mannheim Medical Technology Cluster")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    medtech.managers.add(manager)
    start = timezone.now() + dt.timedelta(hours=1)
    event = Event.objects.create(
        title="MedTech-Frühstück",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        venue="MAFINEX",
        capacity=10,
    )
    event.clusters.add(medtech)
    people = [("Jana", "Becker", "Quartiersküche eG"), ("Omar", "Yilmaz", "Pepperl+Fuchs")]
    registrations = [
        services.register_participant(
            event,
            RegistrationData(
                first_name=first,
                last_name=last,
                email=f"{first.lower()}@example.org",
                organisation_name=organisation,
                country="DE",
            ),
        )
        for first, last, organisation in people
    ]

    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("manager")
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.goto(f"/intern/veranstaltungen/{event.pk}/teilnehmende/")
    table = page.locator("#participant-table")
    expect(table).to_contain_text("Yilmaz")

    page.get_by_label("Suche (Name, E-Mail, Organisation)").press_sequentially("pepp")
    expect(table).not_to_contain_text("Becker")
    expect(table).to_contain_text("Yilmaz")
    assert "q=" not in page.url  # swapped in place by HTMX, no full page load

    page.goto(f"/intern/check-in/{checkin_signature(registrations[1])}/")
    page.get_by_role("button", name="Einchecken").click()
    expect(page.get_by_text("Bereits eingecheckt.")).to_be_visible()
    registrations[1].refresh_from_db()
    assert registrations[1].status == Registration.Status.ATTENDED
