"""Staff writes at the door and after the event: check-in, attendance and no-shows."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.events.models import Registration
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
