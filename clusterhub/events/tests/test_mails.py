"""Event mails through django-tasks to a real SMTP server on loopback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from icalendar import Calendar

from clusterhub.directory.models import Person
from clusterhub.events import outbox, services
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.tests.conftest import person_data
from tests.support.mail import ReceivedMail, free_loopback_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
Capture = Callable[..., Any]


def register(event: Event, index: int, capture: Capture) -> Registration:
    """A person of the registry registers (the exact match links them, with their consent)."""
    data = person_data(index)
    Person.objects.get_or_create(
        email=data.email, defaults={"first_name": data.first_name, "last_name": data.last_name}
    )
    with capture(execute=True):
        return services.register_participant(event, data)


def ics_of(message: Any) -> Calendar:
    [attachment] = [
        part for part in message.iter_attachments() if part.get_filename() == "veranstaltung.ics"
    ]
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "veranstaltung.ics"
    return Calendar.from_ical(attachment.get_payload(decode=True))


def test_confirmation_mail_carries_a_valid_ics_and_the_cancel_link(
    event: Event, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    registration = register(event, 1, django_capture_on_commit_callbacks)

    [message] = smtp_server.messages
    assert message["To"] == "anna1@example.org"
    assert message["Subject"] == "Anmeldebestätigung: Social Innovation Bar"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert f"/veranstaltungen/abmelden/{registration.token}/" in body.get_content()
    [entry] = ics_of(message).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Social Innovation Bar"
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert "Julius-Hatry-Straße 1" in str(entry["LOCATION"])
    assert EventMail.objects.get(registration=registration).sent_at is not None


def test_waitlisted_and_promoted_people_are_told_with_an_offer_link(
    db: None, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    from clusterhub.events.tests.conftest import make_event

    event = make_event(capacity=1)
    confirmed = register(event, 1, django_capture_on_commit_callbacks)
    waiting = register(event, 2, django_capture_on_commit_callbacks)
    assert smtp_server.messages[-1]["Subject"] == "Warteliste: Social Innovation Bar"
    smtp_server.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(confirmed.token)

    [offer] = smtp_server.messages
    assert offer["To"] == "anna2@example.org"
    assert offer["Subject"] == "Ein Platz ist frei geworden: Social Innovation Bar"
    body = offer.get_body(preferencelist=("plain",))
    assert body is not None
    assert f"/veranstaltungen/platzangebot/{waiting.token}/" in body.get_content()


def test_delivering_a_sent_mail_again_sends_nothing(
    event: Event, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    registration = register(event, 1, django_capture_on_commit_callbacks)
    mail = EventMail.objects.get(registration=registration)
    assert outbox.deliver(mail.pk) is False
    assert len(smtp_server.messages) == 1


def test_smtp_failure_keeps_the_registration_and_the_mail_retryable(
    event: Event,
    settings: Any,
    django_capture_on_commit_callbacks: Capture,
    smtp_server: ReceivedMail,
) -> None:
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_loopback_port()  # nothing listens there
    registration = register(event, 1, django_capture_on_commit_callbacks)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    mail = EventMail.objects.get(registration=registration)
    assert mail.sent_at is None
    assert mail.attempts == 1
    assert "ConnectionRefusedError" in mail.last_error
    assert outbox.pending_mail_ids() == [mail.pk]

    settings.EMAIL_PORT = working_port
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.retry_pending_mails() == 1

    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert mail.attempts == 2
    assert len(smtp_server.messages) == 1
    assert outbox.pending_mail_ids() == []


def test_an_offer_mail_for_an_answered_offer_is_skipped(
    db: None, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    from clusterhub.events.tests.conftest import make_event

    event = make_event(capacity=1)
    confirmed = register(event, 1, django_capture_on_commit_callbacks)
    waiting = register(event, 2, django_capture_on_commit_callbacks)
    services.cancel_registration(confirmed.token)  # offer mail owed, not yet sent
    services.decline_offer(waiting.token)
    mail = EventMail.objects.get(registration=waiting, kind=EventMail.Kind.OFFER)
    smtp_server.clear()

    assert outbox.deliver(mail.pk) is False

    mail.refresh_from_db()
    assert mail.skipped
    assert smtp_server.messages == []


def test_reminder_mail_goes_out_with_the_ics(
    db: None, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    from clusterhub.events.tests.conftest import make_event

    start = timezone.now() + dt.timedelta(hours=5)
    event = make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    register(event, 1, django_capture_on_commit_callbacks)
    smtp_server.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_due_reminders() == 1

    [message] = smtp_server.messages
    assert message["Subject"] == "Erinnerung: Social Innovation Bar"
    assert ics_of(message).walk("VEVENT")


def test_english_registrants_get_english_links(
    event: Event, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_participant(event, person_data(1, language="en"))
    body = smtp_server.messages[0].get_body(preferencelist=("plain",))
    assert body is not None
    assert f"/en/veranstaltungen/abmelden/{registration.token}/" in body.get_content()


def test_a_failed_send_on_the_database_backend_enqueues_a_deferred_retry(
    event: Event, settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    from django_tasks_db.models import DBTaskResult

    from clusterhub.events.tasks import deliver_mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_loopback_port()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_participant(event, person_data(1))
    mail = EventMail.objects.get(registration=registration)
    assert DBTaskResult.objects.count() == 1  # enqueued on commit, not yet run

    with pytest.raises(outbox.MailDeliveryFailed):
        deliver_mail.call(mail.pk)  # what the worker runs

    assert DBTaskResult.objects.count() == 2
    retry = DBTaskResult.objects.order_by("enqueued_at", "pk").last()
    assert retry is not None
    assert retry.args_kwargs["args"] == [mail.pk]
    assert timezone.now() < retry.run_after < timezone.now() + dt.timedelta(minutes=2)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_mail_django_refuses_is_tried_the_limit_times_then_failed_and_shown_to_staff(
    registry: Any,
    login: Callable[[str], Any],
    settings: Any,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    from clusterhub.events.tests.conftest import make_event

    settings.CLUSTERHUB_MAIL_MAX_ATTEMPTS = 3
    # Written before titles were checked: a line break, which no mail header may carry.
    event = make_event(title="Social Innovation Bar\nFrühjahr")
    event.clusters.add(registry.medtech)
    registration = register(event, 1, django_capture_on_commit_callbacks)
    mail = EventMail.objects.get(registration=registration)
    for _retry in range(5):  # the periodic job, run more often than the limit allows
        with django_capture_on_commit_callbacks(execute=True):
            outbox.retry_pending_mails()

    mail.refresh_from_db()
    assert mail.attempts == 3
    assert mail.failed_at is not None and mail.sent_at is None
    assert "BadHeaderError" in mail.last_error
    assert outbox.pending_mail_ids() == []
    assert smtp_server.messages == []
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    from django.urls import reverse

    for role, shown in [("medtech_manager", True), ("admin", True), ("smart_manager", False)]:
        client = login(role)
        page = client.get(reverse("events:failed_mails")).content.decode()
        assert ("BadHeaderError" in page) is shown, role
        assert ("anna1@example.org" in page) is shown, role
        listed = client.get(reverse("events:staff_list")).content.decode()
        assert ("1 Mail konnte nicht versandt werden" in listed) is shown, role
    assert login("reader").get(reverse("events:failed_mails")).status_code == 403


def test_withdrawing_the_events_consent_stops_the_next_reminder(
    db: None, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    from clusterhub.directory.services import withdraw_consent
    from clusterhub.events.tests.conftest import make_event

    start = timezone.now() + dt.timedelta(hours=5)
    event = make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    registration = register(event, 1, django_capture_on_commit_callbacks)
    assert registration.consent is not None
    withdraw_consent(None, registration.consent)
    smtp_server.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_due_reminders() == 0
    assert smtp_server.messages == []


def test_a_reminder_owed_before_the_consent_was_withdrawn_is_not_sent(
    db: None, smtp_server: ReceivedMail, django_capture_on_commit_callbacks: Capture
) -> None:
    from clusterhub.directory.services import withdraw_consent
    from clusterhub.events.tests.conftest import make_event

    start = timezone.now() + dt.timedelta(hours=5)
    event = make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    registration = register(event, 1, django_capture_on_commit_callbacks)
    assert registration.consent is not None
    smtp_server.clear()
    with django_capture_on_commit_callbacks(execute=False):  # owed; the worker is slow
        assert services.queue_due_reminders() == 1
    withdraw_consent(None, registration.consent)

    reminder = EventMail.objects.get(registration=registration, kind=EventMail.Kind.REMINDER)
    assert outbox.deliver(reminder.pk) is False
    reminder.refresh_from_db()
    assert reminder.skipped and reminder.sent_at is None
    assert smtp_server.messages == []
