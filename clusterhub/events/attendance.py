"""Staff writes at the door and after the event: check-in, attendance and no-shows."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.events.models import Event, Registration
from clusterhub.events.services import Actor, RegistrationRefused

Status = Registration.Status
MARKABLE = {Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW}


def record_attendance(
    actor: Actor, registration: Registration, *, attended: bool, now: dt.datetime | None = None
) -> Registration:
    """Mark a confirmed participant as present (checked in now) or as a no-show.

    Attendance never changes how many places are held, so no event lock is needed.
    """
    if registration.status not in MARKABLE:
        raise RegistrationRefused(_("Nur bestätigte Anmeldungen können abgehakt werden."))
    before = registration.status
    registration.status = Status.ATTENDED if attended else Status.NO_SHOW
    registration.checked_in_at = (now or timezone.now()) if attended else None
    registration.save(update_fields=["status", "checked_in_at", "updated_at"])
    audit.record(
        actor, AuditEntry.Action.UPDATE, registration, {"status": [before, registration.status]}
    )
    return registration


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
