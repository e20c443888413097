"""Staff writes at the door and after the event: check-in, attendance and no-shows."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.events.checkin import door_closed_reason, door_opens_at
from clusterhub.events.models import Event, Registration
from clusterhub.events.services import Actor, RegistrationRefused

Status = Registration.Status
MARKABLE = {Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW}


def record_attendance(
    actor: Actor, registration: Registration, *, attended: bool, now: dt.datetime | None = None
) -> Registration:
    """Mark a confirmed participant as present (checked in now) or as a no-show.

    Present is refused before the door opens; afterwards the participant list may still
    correct it (someone came but was not scanned). Attendance never changes how many places
    are held, so no event lock is needed.
    """
    now = now or timezone.now()
    if registration.status not in MARKABLE:
        raise RegistrationRefused(_("Nur bestätigte Anmeldungen können abgehakt werden."))
    if attended and now < door_opens_at(registration.event):
        raise RegistrationRefused(door_closed_reason(registration.event, now))
    before = registration.status
    registration.status = Status.ATTENDED if attended else Status.NO_SHOW
    registration.checked_in_at = now if attended else None
    registration.save(update_fields=["status", "checked_in_at", "updated_at"])
    audit.record(
        actor, AuditEntry.Action.UPDATE, registration, {"status": [before, registration.status]}
    )
    return registration


def check_in(actor: Actor, registration: Registration, *, now: dt.datetime) -> Registration:
    """At the door, from the QR code: only while the door is open (``checkin``)."""
    reason = door_closed_reason(registration.event, now)
    if reason:
        raise RegistrationRefused(reason)
    return record_attendance(actor, registration, attended=True, now=now)


def mark_no_shows(actor: Actor, event: Event, *, now: dt.datetime | None = None) -> int:
    """After the event, mark everyone still merely confirmed as a no-show; returns how many."""
    now = now or timezone.now()
    if now < event.ends_at:
        raise RegistrationRefused(
            _(
                "Nicht erschienene Personen können erst nach dem Ende der Veranstaltung "
                "markiert werden."
            )
        )
    marked = 0
    with transaction.atomic():
        for registration in Registration.objects.filter(event=event, status=Status.CONFIRMED):
            record_attendance(actor, registration, attended=False, now=now)
            marked += 1
    return marked
