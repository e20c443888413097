"""Registration rules: places, waitlist, idempotency, refusals, cancellation and offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from clusterhub.events import services
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.factories import OrganisationFactory

Status = Registration.Status
pytestmark = pytest.mark.django_db


def register(event: Event, index: int, **fields: Any) -> Registration:
    return services.register_participant(event, person_data(index, **fields))


def test_places_are_confirmed_until_full_then_waitlisted_in_order(event: Event) -> None:
    statuses = [register(event, index).status for index in range(4)]
    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.WAITLISTED]
    positions = list(
        event.registrations.filter(status=Status.WAITLISTED)
        .order_by("created_at")
        .values_list("waitlist_position", flat=True)
    )
    assert positions == [1, 2]


def test_the_same_email_registers_once(event: Event) -> None:
    first = register(event, 1)
    again = register(event, 1, email="ANNA1@example.org", first_name="Anne")
    assert again.pk == first.pk
    assert event.registrations.count() == 1


def test_taking_a_registration_says_whether_it_is_new(event: Event) -> None:
    # The public form mails the link again to a known address instead of reading it first.
    first, first_new = services.take_registration(event, person_data(1))
    again, again_new = services.take_registration(event, person_data(1, email="ANNA1@EXAMPLE.ORG"))
    assert (first_new, again_new) == (True, False)
    assert again.pk == first.pk


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": Event.Status.CANCELLED}, "abgesagt"),
        ({"registration_closes_at": timezone.now() - dt.timedelta(hours=1)}, "Anmeldefrist"),
        ({"registration_opens_at": timezone.now() + dt.timedelta(days=1)}, "ab"),
        ({"audience": Event.Audience.INVITATION}, "Einladung"),
    ],
)
def test_closed_registration_is_refused_with_a_german_reason(
    db: None, fields: dict[str, Any], message: str
) -> None:
    event = make_event(**fields)
    with pytest.raises(services.RegistrationRefused, match=message):
        register(event, 1)
    assert not event.registrations.exists()


def test_staff_may_add_people_to_an_invitation_only_event(db: None) -> None:
    event = make_event(audience=Event.Audience.INVITATION)
    registration = services.register_participant(event, person_data(1), by_staff=True)
    assert registration.status == Status.CONFIRMED


def test_cancelling_offers_the_place_to_the_first_in_line(event: Event) -> None:
    confirmed = register(event, 0)
    register(event, 1)
    first_in_line = register(event, 2)
    second_in_line = register(event, 3)
    now = timezone.now()

    services.cancel_registration(confirmed.token, now=now)

    first_in_line.refresh_from_db()
    second_in_line.refresh_from_db()
    assert first_in_line.status == Status.OFFERED
    assert first_in_line.offer_expires_at == now + dt.timedelta(hours=48)
    assert second_in_line.status == Status.WAITLISTED
    assert first_in_line.mails.filter(kind=EventMail.Kind.OFFER).exists()


def test_accepted_offer_confirms_and_owes_a_confirmation(event: Event) -> None:
    confirmed = register(event, 0)
    register(event, 1)
    waiting = register(event, 2)
    services.cancel_registration(confirmed.token)
    accepted = services.accept_offer(waiting.token)
    assert accepted.status == Status.CONFIRMED
    assert accepted.mails.filter(kind=EventMail.Kind.CONFIRMATION).exists()
    assert services.places_taken(event) == 2


def test_declined_offer_passes_to_the_next_in_line(event: Event) -> None:
    confirmed = register(event, 0)
    register(event, 1)
    first, second = register(event, 2), register(event, 3)
    services.cancel_registration(confirmed.token)
    services.decline_offer(first.token)
    second.refresh_from_db()
    assert second.status == Status.OFFERED


def test_expired_offer_passes_on_and_cannot_be_accepted(event: Event) -> None:
    confirmed = register(event, 0)
    register(event, 1)
    first, second = register(event, 2), register(event, 3)
    start = timezone.now()
    services.cancel_registration(confirmed.token, now=start)
    later = start + dt.timedelta(hours=49)

    with pytest.raises(services.LinkInvalid, match=r"^Das Platzangebot ist abgelaufen"):
        services.accept_offer(first.token, now=later)
    assert services.expire_offers(now=later) == 1

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert second.status == Status.OFFERED
    assert services.places_taken(event) == 2


def test_cancel_link_says_when_it_is_used_up_or_expired(event: Event) -> None:
    registration = register(event, 1)
    with pytest.raises(services.LinkInvalid, match="begonnen"):
        services.cancel_registration(registration.token, now=event.starts_at)
    services.cancel_registration(registration.token)
    with pytest.raises(services.LinkInvalid, match="bereits storniert"):
        services.cancel_registration(registration.token)
    with pytest.raises(services.LinkInvalid) as unknown:
        services.cancel_registration("nicht-vorhanden")
    assert unknown.value.unknown


def test_a_cancelled_person_may_register_again(event: Event) -> None:
    first = register(event, 1)
    services.cancel_registration(first.token)
    again = register(event, 1)
    assert again.pk != first.pk
    assert again.status == Status.CONFIRMED


def test_reminders_are_owed_once_to_confirmed_people_of_imminent_events(db: None) -> None:
    soon = make_event(
        capacity=1,
        starts_at=timezone.now() + dt.timedelta(hours=20),
        ends_at=timezone.now() + dt.timedelta(hours=22),
    )
    later = make_event(capacity=1)
    confirmed = register(soon, 1)
    register(soon, 2)  # waitlisted: no reminder
    register(later, 3)  # too far ahead

    assert services.queue_due_reminders() == 1
    assert services.queue_due_reminders() == 0
    assert list(
        EventMail.objects.filter(kind=EventMail.Kind.REMINDER).values_list(
            "registration", flat=True
        )
    ) == [confirmed.pk]


@pytest.mark.parametrize(
    ("typed", "registered"),
    [("Mannheim GmbH", "MVV Mannheim GmbH"), ("Stadt Mannheim", "Stadtwerke Mannheim")],
)
def test_a_shared_word_is_not_a_match(event: Event, typed: str, registered: str) -> None:
    other = OrganisationFactory.create(name=registered)
    registration = register(event, 1, organisation_name=typed)
    assert registration.organisation != other


def test_the_periodic_command_passes_expired_offers_on(event: Event) -> None:
    from io import StringIO

    from django.core.management import call_command

    confirmed = register(event, 0)
    register(event, 1)
    first, second = register(event, 2), register(event, 3)
    services.cancel_registration(confirmed.token, now=timezone.now() - dt.timedelta(hours=49))
    output = StringIO()

    call_command("run_event_jobs", stdout=output)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.CANCELLED, Status.OFFERED)
    assert "expired offers: 1" in output.getvalue()
