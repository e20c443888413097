"""Which consent lets the site mail whom.

A registration records a consent "for this event" (``Registration.consent``): it covers the
mails about that registration — and only while it is not withdrawn does the site remind the
person or ask for feedback. It is no standing consent: invitations to further events go only
to people with a consent for newsletters and invitations, or an events consent of their own
that no registration recorded (given to staff, on a form, at a fair).
"""

from __future__ import annotations

from django.db.models import QuerySet

from clusterhub.directory.models import Consent
from clusterhub.events.models import Registration

INVITATION_PURPOSES = (Consent.Purpose.NEWSLETTER, Consent.Purpose.EVENTS)


def standing_invitation_consents() -> QuerySet[Consent]:
    """Active consents that allow inviting the person to events they did not register for."""
    one_off = Registration.objects.filter(consent__isnull=False).values("consent_id")
    return Consent.objects.filter(
        purpose__in=INVITATION_PURPOSES, withdrawn_at__isnull=True
    ).exclude(pk__in=one_off)


def may_be_invited(person_id: int) -> bool:
    return standing_invitation_consents().filter(person_id=person_id).exists()


def may_be_reminded(registration: Registration) -> bool:
    """Reminders and feedback requests need the registration's consent to be in force.
    Without one recorded (registrations from before consents were recorded with them), they
    go unless the person has withdrawn their events consent and given none since."""
    if registration.consent_id is not None:
        return Consent.objects.filter(
            pk=registration.consent_id, withdrawn_at__isnull=True
        ).exists()
    if registration.person_id is None:  # not in the registry: the registration is the consent
        return True
    events_consents = Consent.objects.filter(
        person_id=registration.person_id, purpose=Consent.Purpose.EVENTS
    )
    return not events_consents.filter(withdrawn_at__isnull=False).exists() or (
        events_consents.filter(withdrawn_at__isnull=True).exists()
    )
