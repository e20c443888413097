"""Registration writes: places counted under a lock, the waitlist, offers, cancellations.

Every function that changes who holds a place first locks the event's row: on PostgreSQL
with ``SELECT … FOR UPDATE`` inside the transaction, on SQLite through the settings'
``transaction_mode=IMMEDIATE``, which takes the database's write lock at ``BEGIN`` (Django
ignores ``select_for_update`` there). Registrations for one event therefore queue one after
the other, and the count of taken places they read cannot be stale.

What needs no lock happens before it — looking up the person and the organisation, checking
the registration window — and what is slow happens after it: the mails are only owed inside
(a row), and rendered and sent by the worker. Under the lock a registration is a handful of
short statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, connection, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.core import rows
from clusterhub.core.locks import lock_event
from clusterhub.directory.models import Consent, Organisation, Person
from clusterhub.events import conf, registrants
from clusterhub.events.access import registration_for_token
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.outbox import owe_mail
from clusterhub.events.writer_queue import sqlite_writer_turn

Status = Registration.Status


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message is German and shown as it is."""


class LinkInvalid(Exception):
    """A cancel or offer link that is unknown, used up or expired; the message says which."""

    def __init__(self, message: str, *, unknown: bool = False) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass(frozen=True)
class RegistrationData:
    first_name: str
    last_name: str
    email: str
    organisation_name: str = ""
    country: str = ""
    language: str = "de"


def registration_refusal(event: Event, now: dt.datetime, *, invited: bool = False) -> str | None:
    """Why the public (or, with ``invited``, an invited person) may not register for ``event``
    now, or None when they may."""
    if event.status == Event.Status.CANCELLED:
        return _("Diese Veranstaltung wurde abgesagt; eine Anmeldung ist nicht mehr möglich.")
    if event.audience == Event.Audience.INVITATION and not invited:
        return _("Die Teilnahme an dieser Veranstaltung ist nur auf Einladung möglich.")
    if event.registration_opens_at and now < event.registration_opens_at:
        opens = formats.date_format(
            timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT"
        )
        return _("Die Anmeldung ist ab %(opens)s möglich.") % {"opens": opens}
    closes = event.registration_closes_at or event.starts_at
    if now >= closes:
        return _("Die Anmeldefrist für diese Veranstaltung ist abgelaufen.")
    return None


def registration_closed(event: Event, now: dt.datetime) -> bool:
    """Whether registration for ``event`` is over for good (cancelled, or past its deadline):
    then an invitation link has expired, like every other link of the event."""
    closes = event.registration_closes_at or event.starts_at
    return event.status == Event.Status.CANCELLED or now >= closes


@contextmanager
def places_transaction() -> Iterator[None]:
    """A transaction that will lock an event's places (``lock_event``); the mails it owes are
    enqueued as it commits."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with sqlite_writer_turn(), transaction.atomic():
            yield
    else:
        with transaction.atomic():
            yield


def places_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status__in=Registration.HOLDS_PLACE).count()


@dataclass(frozen=True)
class PlacesUnderLock:
    taken: int
    next_position: int
    # The registration that already holds or awaits a place for the typed address, if any.
    live_registration_id: int | None


def _places_under_lock(event: Event, email: str) -> PlacesUnderLock:
    """The places taken, the next waitlist position and the live registration of ``email``
    (any case, as ``registrants.live_registration``), in one statement under the lock. Plain
    SQL (core.rows): every registrant of a rush runs it while the others wait for the lock."""
    column = partial(rows.column, Registration)
    status, email_column = column("status"), column("email")
    holds_place = ", ".join(["%s"] * len(Registration.HOLDS_PLACE))
    sql = (
        f"SELECT COUNT(CASE WHEN {status} IN ({holds_place}) THEN 1 END), "
        f"MAX({column('waitlist_position')}), "
        f"MAX(CASE WHEN LOWER({email_column}) = LOWER(%s) AND {email_column} <> '' "
        f"AND {status} <> %s THEN {column('id')} END) "
        f"FROM {rows.table_of(Registration)} WHERE {column('event')} = %s"
    )
    params: list[str | int] = [
        *map(str, Registration.HOLDS_PLACE),
        email,
        Status.CANCELLED.value,
        event.pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        taken, top, live = cursor.fetchone()
    return PlacesUnderLock(int(taken), int(top or 0) + 1, live)


def register_participant(
    event: Event,
    data: RegistrationData,
    *,
    actor: Actor = None,
    now: dt.datetime | None = None,
    by_staff: bool = False,
    invited: bool = False,
    invited_person: Person | None = None,
    member_organisation: Organisation | None = None,
) -> Registration:
    """Register what ``data`` says for ``event`` (``take_registration``), the registration."""
    registration, _new = take_registration(
        event,
        data,
        actor=actor,
        now=now,
        by_staff=by_staff,
        invited=invited,
        invited_person=invited_person,
        member_organisation=member_organisation,
    )
    return registration


def take_registration(
    event: Event,
    data: RegistrationData,
    *,
    actor: Actor = None,
    now: dt.datetime | None = None,
    by_staff: bool = False,
    invited: bool = False,
    invited_person: Person | None = None,
    member_organisation: Organisation | None = None,
) -> tuple[Registration, bool]:
    """The registration and whether it is new. Registers what ``data`` says for ``event``: a
    place while there is one, else the waitlist.

    The registration keeps the typed name and address; it points to a person or organisation
    of the registry only on an exact match (events/registrants.py), never by creating one.
    Idempotent: a second registration of the same e-mail address (any case; a double-clicked
    submit) returns the live registration it already has. Staff (``by_staff``) may add people
    outside the registration window and to events by invitation or for members, but never to
    a cancelled event; ``invited`` people (through their invitation link, ``invited_person``
    its person) may register for events by invitation and for members, and so may a member
    editor logged in for a ``member_organisation`` of the event's clusters.
    """
    now = now or timezone.now()
    # Before the lock: the reads that need none (the event's rules are checked again under it).
    refusal = registration_refusal(event, now, invited=invited)
    if refusal and (not by_staff or event.status == Event.Status.CANCELLED):
        raise RegistrationRefused(refusal)
    email = data.email.strip()
    match = registrants.registry_match(
        data.first_name,
        data.last_name,
        email,
        data.organisation_name,
        invited=invited_person,
        member_organisation=member_organisation,
    )
    with places_transaction():
        locked = lock_event(event.pk)
        refusal = registration_refusal(locked, now, invited=invited)
        if refusal and (not by_staff or locked.status == Event.Status.CANCELLED):
            raise RegistrationRefused(refusal)
        if not by_staff and (
            members_only := registrants.members_refusal(
                locked, invited=invited, member_organisation=member_organisation
            )
        ):
            raise RegistrationRefused(members_only)
        places = _places_under_lock(locked, email)
        if places.live_registration_id is not None:
            return Registration.objects.get(pk=places.live_registration_id), False
        if places.taken < locked.capacity:
            status, position = Status.CONFIRMED, None
        else:
            status, position = Status.WAITLISTED, places.next_position
        consent = None
        if match.person is not None:
            # The consent of a registrant not (yet) in the registry is the registration itself;
            # a staff review that links or creates the person records it then.
            consent = Consent.objects.create(
                person=match.person,
                purpose=Consent.Purpose.EVENTS,
                given_at=now,
                source=(gettext_noop("Anmeldung %(event)s") % {"event": locked.title})[:200],
                recorded_by_id=audit.actor_id(actor),
            )
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=locked,
                    first_name=data.first_name.strip()[:100],
                    last_name=data.last_name.strip()[:100],
                    email=email,
                    person=match.person,
                    organisation=match.organisation,
                    organisation_name=data.organisation_name.strip()[:255],
                    country=data.country.upper()[:2],
                    language=data.language if data.language in {"de", "en"} else "de",
                    status=status,
                    waitlist_position=position,
                    consent=consent,
                )
        except IntegrityError:
            # Only reachable if a lock was bypassed; the constraint still keeps one row.
            existing = Registration.objects.exclude(status=Status.CANCELLED).get(
                event=locked, email__iexact=email
            )
            return existing, False
        audit.record(actor, AuditEntry.Action.CREATE, registration, {"status": status})
        owe_mail(
            registration,
            EventMail.Kind.CONFIRMATION
            if status == Status.CONFIRMED
            else EventMail.Kind.WAITLISTED,
            new=True,
        )
    return registration, True


def unknown_link() -> LinkInvalid:
    return LinkInvalid(
        _("Dieser Link ist ungültig. Bitte prüfen Sie die Adresse aus der E-Mail."), unknown=True
    )


def cancelled_link() -> LinkInvalid:
    """The one answer to every link of a cancelled registration (410, nothing of it shown)."""
    return LinkInvalid(_("Diese Anmeldung ist bereits storniert."))


def check_not_cancelled(registration: Registration) -> None:
    if registration.status == Status.CANCELLED:
        raise cancelled_link()


def check_cancellable(registration: Registration, event: Event, now: dt.datetime) -> None:
    check_not_cancelled(registration)
    if now >= event.starts_at or registration.status in {Status.ATTENDED, Status.NO_SHOW}:
        raise LinkInvalid(
            _("Dieser Abmeldelink ist abgelaufen: die Veranstaltung hat bereits begonnen.")
        )


def check_offer_open(registration: Registration, event: Event, now: dt.datetime) -> None:
    check_not_cancelled(registration)
    if now >= event.starts_at:
        raise LinkInvalid(
            _("Das Platzangebot ist abgelaufen: die Veranstaltung hat bereits begonnen.")
        )
    if registration.status != Status.OFFERED:
        raise LinkInvalid(_("Für diese Anmeldung liegt kein offenes Platzangebot vor."))
    if registration.offer_expires_at is not None and now >= registration.offer_expires_at:
        raise LinkInvalid(_("Das Platzangebot ist abgelaufen; der Platz wurde weitergegeben."))


def _registration_by_token(token: str) -> Registration:
    registration = registration_for_token(token)
    if registration is None:
        raise unknown_link()
    return registration


def promote_waitlist(event: Event, now: dt.datetime) -> list[Registration]:
    """Offer every free place to the next in line, each held for ``conf.offer_hold()``.

    The caller holds the event's lock.
    """
    if event.status == Event.Status.CANCELLED or now >= event.starts_at:
        return []
    free = event.capacity - places_taken(event)
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by(
            "waitlist_position", "pk"
        )[:free]
    )
    for registration in promoted:
        registration.status = Status.OFFERED
        registration.offer_expires_at = now + conf.offer_hold()
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        audit.record(None, AuditEntry.Action.UPDATE, registration, {"status": Status.OFFERED})
        owe_mail(registration, EventMail.Kind.OFFER)
    return promoted


def _cancel_locked(
    registration: Registration, event: Event, now: dt.datetime, actor: Actor
) -> None:
    freed = registration.holds_place
    registration.status = Status.CANCELLED
    registration.waitlist_position = None
    registration.offer_expires_at = None
    registration.save(
        update_fields=["status", "waitlist_position", "offer_expires_at", "updated_at"]
    )
    audit.record(actor, AuditEntry.Action.UPDATE, registration, {"status": Status.CANCELLED})
    if freed:
        promote_waitlist(event, now)


def cancel_registration(
    token: str, *, now: dt.datetime | None = None, actor: Actor = None
) -> Registration:
    """Cancel through the mailed link; a freed place goes to the next person in line."""
    now = now or timezone.now()
    with places_transaction():
        found = _registration_by_token(token)
        event = lock_event(found.event_id)
        registration = Registration.objects.get(pk=found.pk)  # re-read under the lock
        check_cancellable(registration, event, now)
        _cancel_locked(registration, event, now, actor)
    return registration


def _offered_registration(token: str, now: dt.datetime) -> tuple[Registration, Event]:
    found = _registration_by_token(token)
    event = lock_event(found.event_id)
    registration = Registration.objects.get(pk=found.pk)
    check_offer_open(registration, event, now)
    return registration, event


def accept_offer(token: str, *, now: dt.datetime | None = None) -> Registration:
    now = now or timezone.now()
    with places_transaction():
        registration, _event = _offered_registration(token, now)
        registration.status = Status.CONFIRMED
        registration.offer_expires_at = None
        registration.waitlist_position = None
        registration.save(
            update_fields=["status", "offer_expires_at", "waitlist_position", "updated_at"]
        )
        audit.record(None, AuditEntry.Action.UPDATE, registration, {"status": Status.CONFIRMED})
        owe_mail(registration, EventMail.Kind.CONFIRMATION)
    return registration


def decline_offer(token: str, *, now: dt.datetime | None = None) -> Registration:
    now = now or timezone.now()
    with places_transaction():
        registration, event = _offered_registration(token, now)
        _cancel_locked(registration, event, now, None)
    return registration


def expire_offers(now: dt.datetime | None = None) -> int:
    """Pass every offer past its hold on to the next in line; returns how many expired."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    expired = 0
    for event_id in sorted(event_ids):
        with places_transaction():
            event = lock_event(event_id)
            for registration in Registration.objects.filter(
                event=event, status=Status.OFFERED, offer_expires_at__lte=now
            ):
                _cancel_locked(registration, event, now, None)
                expired += 1
    return expired


def queue_due_reminders(now: dt.datetime | None = None) -> int:
    """Owe a reminder to everyone confirmed for an event that starts within the lead time."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        consent__withdrawn_at__isnull=True,  # delivery checks the consent again
        event__status=Event.Status.PLANNED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + conf.reminder_lead(),
    ).exclude(mails__kind=EventMail.Kind.REMINDER)
    queued = 0
    with transaction.atomic():
        for registration in due:
            owe_mail(registration, EventMail.Kind.REMINDER)
            queued += 1
    return queued
