"""Two participants of a matchmaking event: a request, its acceptance, the published agenda."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.events import services as event_services
from clusterhub.events.models import Event
from clusterhub.events.services import RegistrationData
from clusterhub.matchmaking import planning, services
from clusterhub.matchmaking.models import MatchmakingSession, Meeting, Participant, Table


@pytest.fixture
def two_participants(transactional_db: None, live_server: Any) -> tuple[Participant, Participant]:
    # A month ahead of the real clock: registration and booking refuse what has begun, so a
    # fixed date would break these tests once it has passed.
    day = timezone.localdate() + dt.timedelta(days=30)
    start = dt.datetime.combine(day, dt.time(9), tzinfo=timezone.get_default_timezone())
    event = Event.objects.create(
        title="MedTech-Matchmaking",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        capacity=10,
    )
    for first, last, email in (
        ("Anna", "Sensorik", "anna@example.org"),
        ("Bert", "Klinikum", "bert@example.org"),
    ):
        event_services.register_participant(
            event,
            RegistrationData(
                first_name=first,
                last_name=last,
                email=email,
                organisation_name=f"{last} GmbH",
                country="DE",
            ),
        )
    MatchmakingSession.objects.create(
        event=event,
        name="Vormittag",
        date=day,
        starts_at=dt.time(9),
        ends_at=dt.time(10),
        slot_minutes=20,
    )
    Table.objects.create(event=event, label="T07")
    anna, bert = sorted(services.enroll_registrations(event), key=lambda p: p.pk)
    return anna, bert


def test_request_acceptance_and_published_agenda(
    page: Page, two_participants: tuple[Participant, Participant]
) -> None:
    anna, bert = two_participants
    page.goto(f"/matchmaking/{anna.token}/")
    page.get_by_role("link", name="Teilnehmende").click()
    page.get_by_label("Kurze Nachricht").fill("Sprechen wir über Sensorik im OP?")
    page.get_by_role("button", name="Treffen anfragen").click()
    expect(page.get_by_text("Ihre Anfrage an Bert Klinikum ist verschickt.")).to_be_visible()

    page.goto(f"/matchmaking/{bert.token}/")
    expect(page.get_by_text("Sprechen wir über Sensorik im OP?")).to_be_visible()
    page.get_by_role("button", name="Annehmen").click()
    expect(page.get_by_text("Anfrage angenommen.")).to_be_visible()

    # The organiser's part (its pages have their own tests): schedule and publish.
    planning.compute_schedule(anna.event)
    planning.publish_schedule(anna.event)
    assert Meeting.objects.filter(announced=True).count() == 1

    for participant, partner in ((anna, "Bert Klinikum"), (bert, "Anna Sensorik")):
        page.goto(f"/matchmaking/{participant.token}/")
        agenda = page.locator("table").filter(has_text="T07")
        expect(agenda).to_contain_text(partner)
        expect(page.get_by_role("link", name="Alle Treffen in den Kalender (.ics)")).to_be_visible()


def test_a_participant_books_a_free_common_slot_directly(
    page: Page, two_participants: tuple[Participant, Participant]
) -> None:
    anna, bert = two_participants
    services.answer_request(services.send_request(anna, bert, ""), accept=True)
    page.goto(f"/matchmaking/{anna.token}/")
    page.get_by_role("link", name="Treffen direkt buchen").click()
    expect(page.get_by_role("heading", name="Bert Klinikum")).to_be_visible()
    page.get_by_role("button", name="Buchen").first.click()
    expect(page.get_by_text("Das Treffen ist gebucht.")).to_be_visible()
    expect(page.locator("table").filter(has_text="T07")).to_contain_text("Bert Klinikum")
    assert Meeting.objects.get().announced


def test_after_cancelling_the_link_says_so_and_the_others_no_longer_see_them(
    page: Page, two_participants: tuple[Participant, Participant]
) -> None:
    anna, bert = two_participants
    event_services.cancel_registration(bert.registration.token)
    response = page.goto(f"/matchmaking/{bert.token}/")
    assert response is not None and response.status == 410
    expect(
        page.get_by_role("heading", name="Dieser Matchmaking-Link gilt nicht mehr")
    ).to_be_visible()
    expect(
        page.get_by_text("Ihre Anmeldung zu „MedTech-Matchmaking“ ist storniert.")
    ).to_be_visible()
    expect(page.get_by_text("Treffen anfragen")).to_have_count(0)

    page.goto(f"/matchmaking/{anna.token}/teilnehmende/")
    expect(page.get_by_role("heading", name="Teilnehmende")).to_be_visible()
    expect(page.get_by_text("Bert Klinikum")).to_have_count(0)
