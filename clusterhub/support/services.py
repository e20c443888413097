"""Booking consultations: free slots, a booking that is never doubled, moving and cancelling
by the mailed link, and the adviser's record of the talk.

A booking is checked and written under a lock on the adviser's user row
(``core.locks.lock_adviser``: ``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the settings'
``BEGIN IMMEDIATE`` takes the database's write lock), the same discipline as an event's
places: two founders who pick the same slot at the same moment queue, and the second finds it
taken. A partial unique index on (adviser, start) of the booked rows is the last guard.
Mails are only owed inside; the worker sends them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, UserActor
from clusterhub.core.locks import lock_adviser
from clusterhub.crm import services as crm
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.events.outbox import owe_mail_about
from clusterhub.support import mails
from clusterhub.support.models import Availability, Booking, ClosedDay, ConsultationOffer
from clusterlogic.booking import Busy, WeeklyWindow, bookable_starts, overlaps

# How far ahead founders may book, in days.
BOOKING_HORIZON_DAYS = 56
CONSENT_PURPOSE = (
    "Vereinbarung, Durchführung und Nachbereitung des gebuchten Beratungstermins; "
    "Rückfragen per E-Mail"
)


class BookingRefused(Exception):
    """The slot cannot be booked; the message is German, ready to show, and ``next_free``
    lists the next free slots to offer instead."""

    def __init__(self, message: str, next_free: list[Slot] | None = None) -> None:
        super().__init__(message)
        self.next_free = next_free or []


@dataclass(frozen=True)
class Slot:
    adviser_id: int
    adviser_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime

    @property
    def key(self) -> str:
        """How a form names the slot: adviser and start (UTC), e.g. ``12@2027-01-05T08:00``."""
        return f"{self.adviser_id}@{self.starts_at.astimezone(dt.UTC):%Y-%m-%dT%H:%M}"


@dataclass(frozen=True)
class BookingRequest:
    name: str
    email: str
    topic: str
    language: str = "de"


def parse_slot_key(key: str) -> tuple[int, dt.datetime] | None:
    adviser, _sep, start = key.partition("@")
    try:
        starts_at = dt.datetime.strptime(start, "%Y-%m-%dT%H:%M").replace(tzinfo=dt.UTC)
        return int(adviser), starts_at
    except ValueError:
        return None


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _adviser_name(user: object) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", ""))


def free_slots(
    offer: ConsultationOffer,
    *,
    now: dt.datetime | None = None,
    days: int = BOOKING_HORIZON_DAYS,
    adviser_id: int | None = None,
    ignore: Booking | None = None,
) -> list[Slot]:
    """The slots of ``offer`` a founder may book now, soonest first, over all its advisers.
    An adviser's time taken by any booking (of any offer) is not free; ``ignore`` leaves
    out one booking (the one being moved)."""
    now = now or timezone.now()
    zone = _zone()
    first_day = timezone.localtime(now, zone).date()
    last_day = first_day + dt.timedelta(days=days)
    duration = dt.timedelta(minutes=offer.duration_minutes)
    not_before = now + dt.timedelta(hours=offer.lead_hours)
    advisers = offer.advisers.all()
    if adviser_id is not None:
        advisers = advisers.filter(pk=adviser_id)
    slots: list[Slot] = []
    for adviser in advisers:
        windows = [
            WeeklyWindow(a.weekday, a.starts_at, a.ends_at, a.valid_from, a.valid_until)
            for a in Availability.objects.filter(offer=offer, adviser=adviser)
        ]
        if not windows:
            continue
        closed = ClosedDay.objects.filter(
            adviser=adviser, day__range=(first_day, last_day)
        ).values_list("day", flat=True)
        taken = Booking.objects.filter(
            adviser=adviser,
            status=Booking.Status.BOOKED,
            ends_at__gt=now,
            starts_at__lt=now + dt.timedelta(days=days + 1),
        )
        if ignore is not None:
            taken = taken.exclude(pk=ignore.pk)
        busy = [Busy(b.starts_at, b.ends_at) for b in taken]
        name = _adviser_name(adviser)
        for start in bookable_starts(
            windows,
            duration=duration,
            first_day=first_day,
            last_day=last_day,
            zone=zone,
            closed_days=list(closed),
            busy=busy,
            not_before=not_before,
        ):
            slots.append(Slot(int(adviser.pk), name, start, start + duration))
    return sorted(slots, key=lambda slot: (slot.starts_at, slot.adviser_name))


def _find_slot(
    offer: ConsultationOffer, key: str, now: dt.datetime, ignore: Booking | None = None
) -> Slot:
    parsed = parse_slot_key(key)
    if parsed is not None:
        adviser_id, starts_at = parsed
        for slot in free_slots(offer, now=now, adviser_id=adviser_id, ignore=ignore):
            if slot.starts_at == starts_at:
                return slot
    raise BookingRefused(
        _("Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen."),
        free_slots(offer, now=now, ignore=ignore)[:5],
    )


def _is_taken(slot: Slot, ignore: Booking | None) -> bool:
    others = Booking.objects.filter(
        adviser_id=slot.adviser_id,
        status=Booking.Status.BOOKED,
        starts_at__lt=slot.ends_at,
        ends_at__gt=slot.starts_at,
    )
    if ignore is not None:
        others = others.exclude(pk=ignore.pk)
    return overlaps(slot.starts_at, slot.ends_at, [Busy(b.starts_at, b.ends_at) for b in others])


def _taken_now(offer: ConsultationOffer, now: dt.datetime, ignore: Booking | None) -> Exception:
    return BookingRefused(
        _("Dieser Termin wurde eben vergeben. Bitte wählen Sie einen der nächsten freien Termine."),
        free_slots(offer, now=now, ignore=ignore)[:5],
    )


def book_consultation(
    offer: ConsultationOffer,
    slot_key: str,
    request: BookingRequest,
    *,
    now: dt.datetime | None = None,
) -> Booking:
    """Book the slot for what the founder typed, or raise BookingRefused with the next free
    slots when it is gone. The confirmation (with its .ics) is owed to the outbox."""
    now = now or timezone.now()
    if not offer.active:
        raise BookingRefused(_("Dieses Angebot ist derzeit nicht buchbar."))
    slot = _find_slot(offer, slot_key, now)
    try:
        with transaction.atomic():
            lock_adviser(slot.adviser_id)
            if _is_taken(slot, None):
                raise _taken_now(offer, now, None)
            booking = Booking.objects.create(
                offer=offer,
                adviser_id=slot.adviser_id,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                name=request.name,
                email=request.email,
                topic=request.topic,
                language=request.language,
                consent_purpose=CONSENT_PURPOSE,
                consent_at=now,
            )
            owe_mail_about(booking, mails.CONFIRMED)
            audit.record(
                None,
                AuditEntry.Action.CREATE,
                booking,
                {"starts_at": [None, slot.starts_at.isoformat()], "offer": [None, offer.name]},
            )
    except IntegrityError:  # the partial unique index: another process was quicker
        raise _taken_now(offer, now, None) from None
    return booking


def move_booking(booking: Booking, slot_key: str, *, now: dt.datetime | None = None) -> Booking:
    """Move a booking to another free slot of its offer (by the founder's link)."""
    now = now or timezone.now()
    if booking.status != Booking.Status.BOOKED:
        raise BookingRefused(_("Dieser Termin wurde storniert und kann nicht verschoben werden."))
    if booking.starts_at <= now:
        raise BookingRefused(_("Dieser Termin hat bereits stattgefunden."))
    slot = _find_slot(booking.offer, slot_key, now, ignore=booking)
    before = booking.starts_at
    try:
        with transaction.atomic():
            lock_adviser(slot.adviser_id)
            if _is_taken(slot, booking):
                raise _taken_now(booking.offer, now, booking)
            Booking.objects.filter(pk=booking.pk).update(
                adviser_id=slot.adviser_id, starts_at=slot.starts_at, ends_at=slot.ends_at
            )
            booking.refresh_from_db()
            owe_mail_about(booking, mails.MOVED, occasion=slot.starts_at.isoformat())
            audit.record(
                None,
                AuditEntry.Action.UPDATE,
                booking,
                {"starts_at": [before.isoformat(), slot.starts_at.isoformat()]},
            )
    except IntegrityError:
        raise _taken_now(booking.offer, now, booking) from None
    return booking


def cancel_booking(booking: Booking, *, actor: Actor = None) -> Booking:
    """Cancel by the founder's link (or by staff); the slot is free again at once."""
    with transaction.atomic():
        updated = Booking.objects.filter(pk=booking.pk, status=Booking.Status.BOOKED).update(
            status=Booking.Status.CANCELLED, cancelled_at=timezone.now()
        )
        booking.refresh_from_db()
        if updated:
            owe_mail_about(booking, mails.CANCELLED)
            audit.record(
                actor, AuditEntry.Action.UPDATE, booking, {"status": ["booked", "cancelled"]}
            )
    return booking


@dataclass(frozen=True)
class Outcome:
    topics: str
    next_step: str = ""
    follow_up: str = ""
    follow_up_due_on: dt.date | None = None
    organisation: Organisation | None = None


def record_outcome(actor: UserActor, booking: Booking, outcome: Outcome) -> Booking:
    """The adviser's record of the talk. With an organisation it also becomes a contact of
    the offer's cluster on that organisation (and its follow-up a task of the adviser)."""
    with transaction.atomic():
        booking.outcome_topics = outcome.topics
        booking.outcome_next_step = outcome.next_step
        booking.outcome_recorded_at = timezone.now()
        booking.organisation = outcome.organisation
        if outcome.organisation is not None and booking.interaction_id is None:
            notes = outcome.topics
            if outcome.next_step:
                notes += "\n\n" + _("Nächster Schritt: %(step)s") % {"step": outcome.next_step}
            subject = _("Beratung: %(offer)s") % {"offer": booking.offer.name}
            booking.interaction = crm.log_interaction(
                actor,
                outcome.organisation,
                {
                    "cluster": booking.offer.cluster,
                    "kind": Interaction.Kind.MEETING,
                    "occurred_on": timezone.localtime(booking.starts_at).date(),
                    "subject": subject[:200],
                    "notes": notes,
                    "follow_up": outcome.follow_up if outcome.follow_up_due_on else "",
                    "follow_up_due_on": outcome.follow_up_due_on,
                },
            )
        audit.audited_save(
            actor,
            booking,
            ["outcome_topics", "outcome_next_step", "organisation"],
        )
    return booking
