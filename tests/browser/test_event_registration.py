"""The public registers for an event, gets the .ics by mail, cancels, and the waitlist moves."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from clusterhub.events import services
from clusterhub.events.models import Event, Registration
from clusterhub.events.services import RegistrationData
from tests.support.mail import ReceivedMail

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def event_with_one_place(transactional_db: None, settings: Any, live_server: Any) -> Event:
    settings.TASKS = IMMEDIATE_TASKS
    settings.SITE_URL = str(live_server.url)
    start = (timezone.now() + dt.timedelta(days=10)).replace(hour=17, minute=30, microsecond=0)
    return Event.objects.create(
        title="Open Social Innovation Forum",
        description="Forum für soziale Innovationen in der Metropolregion.",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="Alte Feuerwache",
        address="Brückenstraße 2, 68167 Mannheim",
        capacity=1,
    )


def plain_text(message: Any) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def link_to(message: Any, path_part: str) -> str:
    [url] = [url for url in LINK.findall(plain_text(message)) if path_part in url]
    return url


def test_register_receive_ics_cancel_and_promote_the_waitlist(
    page: Page, event_with_one_place: Event, smtp_server: ReceivedMail
) -> None:
    event = event_with_one_place
    page.goto("/veranstaltungen/")
    page.get_by_role("link", name="Open Social Innovation Forum").click()
    page.get_by_label("Vorname").fill("Jana")
    page.get_by_label("Nachname").fill("Becker")
    page.get_by_label("E-Mail").fill("jana.becker@example.org")
    page.get_by_label("Organisation", exact=False).first.fill("Quartiersküche Neckarstadt eG")
    page.get_by_label("Land").select_option("DE")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    # Without consent the form comes back with the reason, and with everything typed kept.
    expect(page.get_by_role("alert").last).to_have_text(
        "Ohne Ihre Einwilligung können wir die Anmeldung nicht annehmen."
    )
    expect(page.get_by_label("E-Mail")).to_have_value("jana.becker@example.org")
    page.get_by_label("Ich willige ein", exact=False).check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte prüfen Sie Ihr Postfach")

    [confirmation] = smtp_server.messages
    assert confirmation["To"] == "jana.becker@example.org"
    [attachment] = [
        part
        for part in confirmation.iter_attachments()
        if part.get_content_type() == "text/calendar"
    ]
    payload = attachment.get_payload(decode=True)
    assert isinstance(payload, bytes)
    calendar = Calendar.from_ical(payload)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Open Social Innovation Forum"
    assert entry.decoded("DTSTART") == event.starts_at
    assert "Alte Feuerwache" in str(entry["LOCATION"])

    services.register_participant(
        event, RegistrationData(first_name="Max", last_name="Wagner", email="max@example.org")
    )
    waiting = Registration.objects.get(email="max@example.org")
    assert waiting.status == Registration.Status.WAITLISTED
    smtp_server.clear()

    page.goto(link_to(confirmation, "/abmelden/"))
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sie sind abgemeldet")

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.OFFERED
    [offer] = smtp_server.messages
    assert offer["To"] == "max@example.org"
    assert offer["Subject"] == "Ein Platz ist frei geworden: Open Social Innovation Forum"

    page.goto(link_to(offer, "/platzangebot/"))
    page.get_by_role("button", name="Platz annehmen").click()
    expect(page.get_by_role("status")).to_contain_text("Ihr Platz ist bestätigt")
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert smtp_server.messages[-1]["Subject"] == "Anmeldebestätigung: Open Social Innovation Forum"


def test_a_second_form_with_a_known_address_shows_no_link_and_mails_it(
    page: Page, event_with_one_place: Event, smtp_server: ReceivedMail
) -> None:
    event = event_with_one_place
    registration = services.register_participant(
        event,
        RegistrationData(first_name="Jana", last_name="Becker", email="jana.becker@example.org"),
    )
    smtp_server.clear()
    page.goto(f"/veranstaltungen/{event.pk}/")
    page.get_by_label("Vorname").fill("Mallory")
    page.get_by_label("Nachname").fill("Becker")
    page.get_by_label("E-Mail").fill("Jana.Becker@Example.ORG")
    page.get_by_label("Land").select_option("DE")
    page.get_by_label("Ich willige ein", exact=False).check()
    # Jana holds the one place, so the button says what it does now.
    page.get_by_role("button", name="Auf die Warteliste").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte prüfen Sie Ihr Postfach")
    assert registration.token not in page.content()
    expect(page.get_by_role("link", name="Anmeldung stornieren")).to_have_count(0)
    [mail] = smtp_server.messages
    assert mail["To"] == "jana.becker@example.org"
    assert mail["Subject"] == "Ihre Anmeldung: Open Social Innovation Forum"
    assert registration.token in link_to(mail, "/anmeldung/")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
