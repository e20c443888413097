"""The consultation mails leave through the one outbox, with the appointment as .ics."""

from __future__ import annotations

from django.urls import reverse
from icalendar import Calendar

from clusterhub.events.models import EventMail
from clusterhub.support import services
from clusterhub.support.models import ConsultationOffer
from tests.support.mail import ReceivedMail

REQUEST = services.BookingRequest(name="Jonas Weber", email="jonas@example.org", topic="Idee")


def test_the_confirmation_carries_the_link_and_the_calendar_entry(
    offer: ConsultationOffer,
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    slot = services.free_slots(offer)[0]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        booking = services.book_consultation(offer, slot.key, REQUEST)

    [message] = smtp_server.messages
    assert message["To"] == "jonas@example.org"
    assert message["Subject"] == "Ihr Beratungstermin: Exi-Gründungsberatung"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert reverse("support:manage", args=[booking.token]) in body.get_content()
    [attachment] = list(message.iter_attachments())
    calendar = Calendar.from_ical(attachment.get_content())
    [entry] = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == slot.starts_at
    assert EventMail.objects.get(subject_id=booking.pk).sent_at is not None


def test_a_confirmation_owed_before_a_cancellation_is_not_sent(
    offer: ConsultationOffer,
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    slot = services.free_slots(offer)[0]
    booking = services.book_consultation(offer, slot.key, REQUEST)  # delivery not yet run
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.cancel_booking(booking)

    subjects = [" ".join(str(message["Subject"]).split()) for message in smtp_server.messages]
    assert subjects == ["Ihr Beratungstermin wurde storniert: Exi-Gründungsberatung"]
