"""Check-in at the door: the QR code in the confirmation mail, the staff page it opens, the
participant search (HTMX and plain), and no-shows after the event."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.events import services
from clusterhub.events.checkin import checkin_signature, checkin_url, qr_png, registration_id_from
from clusterhub.events.models import Event, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.support.mail import ReceivedMail

Login = Callable[[str], Client]
Capture = Callable[..., Any]
Status = Registration.Status
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def starting_in(delta: dt.timedelta, **fields: Any) -> Event:
    start = (timezone.now() + delta).replace(microsecond=0)
    return make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2), **fields)


@pytest.fixture
def medtech_event(registry: Registry) -> Event:
    # Starts within the hour: the door is open, as it is when staff scan the codes.
    event = starting_in(dt.timedelta(minutes=45), capacity=5, title="MedTech-Frühstück")
    event.clusters.add(registry.medtech)
    return event


def test_the_confirmation_mail_carries_a_qr_code_of_the_signed_checkin_url(
    medtech_event: Event,
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_participant(medtech_event, person_data(1))

    [message] = smtp_server.messages
    [png] = [part for part in message.iter_attachments() if part.get_filename() == "check-in.png"]
    payload = png.get_payload(decode=True)
    assert png.get_content_type() == "image/png"
    assert isinstance(payload, bytes)
    assert payload.startswith(PNG_SIGNATURE)
    # segno is deterministic: the same URL gives the same image, so this is the code of the URL.
    assert payload == qr_png(checkin_url(registration))
    assert registration_id_from(checkin_signature(registration)) == registration.pk


def test_a_registration_keeps_one_code_however_late_its_mails_go_out(
    medtech_event: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    registration = services.register_participant(medtech_event, person_data(1))
    first = checkin_signature(registration)
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)
    assert checkin_signature(registration) == first


def test_a_forged_or_altered_code_names_no_registration() -> None:
    assert registration_id_from("1:forged") is None
    assert registration_id_from("") is None


def test_the_checkin_page_marks_attendance_for_managers_only(
    login: Login, medtech_event: Event
) -> None:
    registration = services.register_participant(medtech_event, person_data(1))
    url = reverse("events:checkin", args=[checkin_signature(registration)])

    assert login("smart_manager").post(url).status_code == 403
    client = login("medtech_manager")
    page = client.get(url).content.decode()
    assert "Anna Teilnehmerin1" in page and "Einchecken" in page

    response = client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert registration.checked_in_at is not None
    assert "Bereits eingecheckt." in response.content.decode()
    assert AuditEntry.objects.filter(
        object_type="events.registration", changes__status=[Status.CONFIRMED, Status.ATTENDED]
    ).exists()


@pytest.mark.parametrize(
    "start",
    [dt.timedelta(days=70), dt.timedelta(hours=3, minutes=5), -dt.timedelta(hours=2, minutes=5)],
    ids=["weeks-before", "just-before-the-door-opens", "after-the-end"],
)
def test_a_checkin_outside_the_event_is_refused_and_marks_nothing(
    login: Login, registry: Registry, start: dt.timedelta
) -> None:
    # The pilot's case: a check-in on 1 December for an event on 10 February.
    event = starting_in(start, capacity=5, title="Netzwerkforum")
    event.clusters.add(registry.medtech)
    registration = Registration.objects.create(
        event=event, person=_people(1)[0], status=Status.CONFIRMED
    )
    url = reverse("events:checkin", args=[checkin_signature(registration)])
    client = login("medtech_manager")

    shown = client.get(url).content.decode()
    refused = client.post(url)

    registration.refresh_from_db()
    assert "Einchecken ist nur während der Veranstaltung möglich" in shown
    assert "Einchecken</span></button>" not in shown
    assert refused.status_code == 200
    assert "Es wurde nichts vermerkt." in refused.content.decode()
    assert (registration.status, registration.checked_in_at) == (Status.CONFIRMED, None)
    assert not AuditEntry.objects.filter(object_type="events.registration").exists()
    if start > dt.timedelta(0):
        # The cancel link still works: nothing says the event has begun.
        services.check_cancellable(registration, event, timezone.now())


def test_the_door_opens_three_hours_before_the_start(login: Login, registry: Registry) -> None:
    event = starting_in(dt.timedelta(hours=2, minutes=55), capacity=5)
    event.clusters.add(registry.medtech)
    registration = Registration.objects.create(
        event=event, person=_people(1)[0], status=Status.CONFIRMED
    )

    login("medtech_manager").post(reverse("events:checkin", args=[checkin_signature(registration)]))

    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


def test_the_participant_list_cannot_mark_someone_present_weeks_ahead(
    login: Login, registry: Registry
) -> None:
    event = starting_in(dt.timedelta(days=70), capacity=5)
    event.clusters.add(registry.medtech)
    registration = Registration.objects.create(
        event=event, person=_people(1)[0], status=Status.CONFIRMED
    )

    response = login("medtech_manager").post(
        reverse("events:mark_attendance", args=[registration.pk]), {"attended": "1"}, follow=True
    )

    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert "Einchecken ist nur während der Veranstaltung möglich" in response.content.decode()


def test_the_checkin_page_needs_a_login_and_a_valid_signature(
    client: Client, login: Login, medtech_event: Event
) -> None:
    registration = services.register_participant(medtech_event, person_data(1))
    url = reverse("events:checkin", args=[checkin_signature(registration)])
    response = client.get(url)
    assert response.status_code == 302 and "?next=/intern/check-in/" in response["Location"]

    admin = login("admin")
    tampered = reverse("events:checkin", args=[checkin_signature(registration) + "x"])
    assert admin.get(tampered).status_code == 404


def test_a_waitlisted_person_cannot_be_checked_in(login: Login, medtech_event: Event) -> None:
    medtech_event.capacity = 0
    medtech_event.save()
    registration = services.register_participant(medtech_event, person_data(1))
    url = reverse("events:checkin", args=[checkin_signature(registration)])

    page = login("admin").post(url).content.decode()

    registration.refresh_from_db()
    assert registration.status == Status.WAITLISTED
    assert "Nur bestätigte Anmeldungen" in page


def test_the_search_finds_by_name_or_organisation_with_and_without_htmx(
    login: Login, registry: Registry, medtech_event: Event
) -> None:
    services.register_participant(medtech_event, person_data(1, last_name="Becker"))
    services.register_participant(
        medtech_event, person_data(2, last_name="Yilmaz", organisation_name="Pepperl+Fuchs")
    )
    client = login("medtech_manager")
    url = reverse("events:participants", args=[medtech_event.pk])

    by_name = client.get(url, {"q": "beck"}, headers={"HX-Request": "true"}).content.decode()
    by_organisation = client.get(url, {"q": "pepperl"}).content.decode()

    assert by_name.startswith("<table") and "<html" not in by_name
    assert "Becker" in by_name and "Yilmaz" not in by_name
    assert "<html" in by_organisation
    assert "Yilmaz" in by_organisation and "Becker" not in by_organisation


def test_no_shows_are_marked_after_the_event_not_before(login: Login, registry: Registry) -> None:
    start = timezone.now() - dt.timedelta(days=1)
    event = make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    event.clusters.add(registry.medtech)
    came, stayed_away = (
        Registration.objects.create(event=event, person=person, status=Status.CONFIRMED)
        for person in _people(2)
    )
    came.status = Status.ATTENDED
    came.save()
    url = reverse("events:mark_no_shows", args=[event.pk])
    assert login("smart_manager").post(url).status_code == 403

    login("medtech_manager").post(url)

    came.refresh_from_db()
    stayed_away.refresh_from_db()
    assert came.status == Status.ATTENDED
    assert stayed_away.status == Status.NO_SHOW

    upcoming = make_event()
    upcoming.clusters.add(registry.medtech)
    waiting = services.register_participant(upcoming, person_data(7))
    login("medtech_manager").post(reverse("events:mark_no_shows", args=[upcoming.pk]))
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def _people(count: int) -> list[Any]:
    from tests.factories import PersonFactory

    return [PersonFactory.create() for _index in range(count)]
