"""The consultation mails (booked, moved, cancelled), written for the one outbox."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.events.conf import site_url
from clusterhub.events.ics import PRODUCT_ID
from clusterhub.events.models import EventMail
from clusterhub.events.outbox import Prepared, subject_of
from clusterhub.support.models import Booking

CONFIRMED = "consultation_booked"
MOVED = "consultation_moved"
CANCELLED = "consultation_cancelled"
KINDS = {
    CONFIRMED: gettext_lazy("Beratungstermin gebucht"),
    MOVED: gettext_lazy("Beratungstermin verschoben"),
    CANCELLED: gettext_lazy("Beratungstermin storniert"),
}


def booking_calendar(booking: Booking) -> bytes:
    """The appointment as iCalendar; a move keeps its UID (calendars update the entry), a
    cancellation says CANCELLED."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if booking.status == Booking.Status.CANCELLED else "PUBLISH")
    entry = CalendarEvent()
    entry.add("uid", f"consultation-{booking.pk}@clusterhub")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(booking.starts_at))
    entry.add("dtend", timezone.localtime(booking.ends_at))
    entry.add("summary", booking.offer.name)
    if booking.offer.location:
        entry.add("location", booking.offer.location)
    entry.add("url", manage_url(booking))
    cancelled = booking.status == Booking.Status.CANCELLED
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def manage_url(booking: Booking) -> str:
    return site_url() + reverse("support:manage", args=[booking.token])


def prepare(mail: EventMail) -> Prepared | None:
    booking = subject_of(mail, Booking)
    if booking is None:
        return None
    still_booked = booking.status == Booking.Status.BOOKED
    if (mail.kind == CANCELLED) == still_booked:
        return None  # booked again or cancelled meanwhile: this mail no longer applies
    with translation.override(booking.language or "de"):
        subjects = {
            CONFIRMED: _("Ihr Beratungstermin: %(offer)s"),
            MOVED: _("Ihr Beratungstermin wurde verschoben: %(offer)s"),
            CANCELLED: _("Ihr Beratungstermin wurde storniert: %(offer)s"),
        }
        context = {"booking": booking, "manage_url": manage_url(booking), "kind": mail.kind}
        body = render_to_string("support/mails/booking.txt", context)
        message = EmailMessage(
            subject=subjects[mail.kind] % {"offer": booking.offer.name},
            body=body,
            to=[booking.email],
        )
        message.attach(
            "beratungstermin.ics", booking_calendar(booking), "text/calendar; charset=utf-8"
        )
    return Prepared(message)
