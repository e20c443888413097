"""A cluster manager finds the event list in the menu (the next event first), then invites a
segment to a full event: the page warns, says how many would wait, shows the mail, and
sends only once she confirms the waitlist."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.directory.models import Consent
from clusterhub.events.models import Event, Invitation, Registration
from tests.factories import (
    AccountFactory,
    AffiliationFactory,
    ClusterFactory,
    ConsentFactory,
    MembershipFactory,
    PersonFactory,
)

SCREENSHOTS = Path(os.environ.get("CLUSTERHUB_SCREENSHOTS", tempfile.gettempdir()))


def event_in(days: int, title: str, capacity: int) -> Event:
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return Event.objects.create(
        title=title, starts_at=start, ends_at=start + dt.timedelta(hours=2), capacity=capacity
    )


def test_manager_is_warned_before_inviting_to_a_full_event(page: Page) -> None:
    medtech = ClusterFactory.create(slug="mmt", name="Mannheim Medical Technology Cluster")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    medtech.managers.add(manager)
    full = event_in(10, "MedTech-Frühstück", capacity=3)
    later = event_in(40, "Netzwerkforum", capacity=50)
    past = event_in(-20, "Rückblick", capacity=10)
    for event in (full, later, past):
        event.clusters.add(medtech)
    for index in range(5):
        Registration.objects.create(
            event=full,
            person=PersonFactory.create(),
            status=Registration.Status.CONFIRMED if index < 3 else Registration.Status.WAITLISTED,
            waitlist_position=index + 1 if index >= 3 else None,
        )
    membership = MembershipFactory.create(cluster=medtech)
    for _index in range(4):
        person = AffiliationFactory.create(organisation=membership.organisation).person
        ConsentFactory.create(person=person, purpose=Consent.Purpose.EVENTS)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("manager")
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("navigation").get_by_role("link", name="Veranstaltungen", exact=True).click()

    upcoming = page.locator("#upcoming-events tbody tr")
    expect(upcoming.nth(0)).to_contain_text("MedTech-Frühstück")
    expect(upcoming.nth(0)).to_contain_text("3 / 3")
    expect(upcoming.nth(1)).to_contain_text("Netzwerkforum")
    expect(page.locator("#past-events")).to_contain_text("Vergangen")
    page.screenshot(path=str(SCREENSHOTS / "staff-event-list.png"), full_page=True)

    page.goto(f"/intern/veranstaltungen/{full.pk}/einladungen/?cluster={medtech.pk}")
    expect(page.locator("#capacity-warning")).to_contain_text("ausgebucht")
    expect(page.locator("#capacity-warning")).to_contain_text("bis zu 4 Eingeladene")
    expect(page.locator("#mail-preview")).to_contain_text("Einladung: MedTech-Frühstück")
    page.screenshot(path=str(SCREENSHOTS / "invitation-preview.png"), full_page=True)

    page.get_by_role("button", name="4 Einladungen versenden").click()
    expect(page.get_by_text("Bitte bestätigen Sie, dass Eingeladene")).to_be_visible()
    assert not Invitation.objects.exists()
    page.get_by_label("Ich weiß, dass Eingeladene").check()
    page.get_by_role("button", name="4 Einladungen versenden").click()
    expect(page.get_by_text("4 Einladungen werden versendet.")).to_be_visible()
    assert Invitation.objects.filter(event=full).count() == 4
