"""DSGVO duties towards one person: the export of everything stored about them (Art. 15/20)
and the erasure (Art. 17), which anonymises rather than deletes so that events keep their
figures and other participants keep their meeting requests."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import ANONYMOUS, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.crm.access import interactions_visible_to
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Person
from clusterhub.events.models import EventMail, Feedback, Invitation, Registration, new_token
from clusterhub.matchmaking.models import MeetingRequest, Participant

ERASED = "[gelöscht]"
ERASED_FIRST_NAME = "Gelöscht"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _mails(mails: Any) -> list[dict[str, Any]]:
    return [
        {"kind": mail.kind, "created_at": _iso(mail.created_at), "sent_at": _iso(mail.sent_at)}
        for mail in mails
    ]


def _matchmaking(registration: Registration) -> dict[str, Any] | None:
    participant = Participant.objects.filter(registration=registration).first()
    if participant is None:
        return None

    def request_row(request: MeetingRequest, partner: Participant) -> dict[str, Any]:
        # The other side is named by organisation only: their name is their own data.
        return {
            "partner_organisation": partner.organisation_label,
            "message": request.message,
            "status": request.status,
            "created_at": _iso(request.created_at),
        }

    sent = participant.sent_requests.select_related("recipient__registration__organisation")
    received = participant.received_requests.select_related("sender__registration__organisation")
    return {
        "offers": participant.offers,
        "seeks": participant.seeks,
        "max_meetings": participant.max_meetings,
        "available_slots": participant.available_slots,
        "created_at": _iso(participant.created_at),
        "welcome_sent_at": _iso(participant.welcome_sent_at),
        "agenda_sent_at": _iso(participant.agenda_sent_at),
        "requests_sent": [request_row(r, r.recipient) for r in sent],
        "requests_received": [request_row(r, r.sender) for r in received],
    }


def _registrations(person: Person) -> list[dict[str, Any]]:
    rows = []
    registrations = person.event_registrations.select_related("event").prefetch_related("mails")
    for registration in registrations:
        feedback = Feedback.objects.filter(registration=registration).first()
        rows.append(
            {
                "event": registration.event.title,
                "starts_at": _iso(registration.event.starts_at),
                "status": registration.status,
                "organisation_name": registration.organisation_name,
                "country": registration.country,
                "language": registration.language,
                "registered_at": _iso(registration.created_at),
                "checked_in_at": _iso(registration.checked_in_at),
                "feedback": (
                    {"rating": feedback.rating, "comment": feedback.comment} if feedback else None
                ),
                "mails": _mails(registration.mails.all()),
                "matchmaking": _matchmaking(registration),
            }
        )
    return rows


def export_person_data(actor: Actor, person: Person) -> dict[str, Any]:
    """Everything stored about one person, as plain data; notes only of the clusters whose
    notes the exporting viewer may read (another cluster's note is not even dated here)."""
    viewer = viewer_for(actor) if actor is not None else ANONYMOUS
    notes = interactions_visible_to(viewer).filter(person=person).select_related("cluster")
    invitations = person.event_invitations.select_related("event").prefetch_related("mails")
    data = {
        "person": {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "phone": person.phone,
            "preferred_language": person.preferred_language,
            "created_at": _iso(person.created_at),
            "updated_at": _iso(person.updated_at),
        },
        "affiliations": [
            {"organisation": a.organisation.name, "function": a.function}
            for a in person.affiliations.select_related("organisation")
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "given_at": _iso(c.given_at),
                "source": c.source,
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in person.consents.all()
        ],
        "registrations": _registrations(person),
        "invitations": [
            {
                "event": invitation.event.title,
                "invited_at": _iso(invitation.created_at),
                "mails": _mails(invitation.mails.all()),
            }
            for invitation in invitations
        ],
        "interactions": [
            {
                "cluster": note.cluster.name,
                "date": note.occurred_on.isoformat(),
                "kind": note.kind,
                "subject": note.subject,
                "notes": note.notes,
            }
            for note in notes
        ],
    }
    audit.record_export(actor, person, list_name=_("Personendaten (JSON)"), rows=1)
    return data


def _replace(text: str, needles: list[str]) -> str:
    lowered = text.lower()
    for needle in needles:
        start = lowered.find(needle.lower())
        while start != -1:
            text = text[:start] + ERASED + text[start + len(needle) :]
            lowered = text.lower()
            start = lowered.find(needle.lower(), start + len(ERASED))
    return text


def _related_objects(person: Person) -> list[tuple[str, list[int]]]:
    """Every audited object that is about this person, by audit object type."""
    registrations = list(person.event_registrations.values_list("pk", flat=True))
    participants = list(
        Participant.objects.filter(registration_id__in=registrations).values_list("pk", flat=True)
    )
    return [
        ("directory.person", [person.pk]),
        ("directory.affiliation", list(person.affiliations.values_list("pk", flat=True))),
        ("directory.consent", list(person.consents.values_list("pk", flat=True))),
        ("events.registration", registrations),
        ("events.invitation", list(person.event_invitations.values_list("pk", flat=True))),
        ("matchmaking.participant", participants),
        ("crm.interaction", list(person.interactions.values_list("pk", flat=True))),
    ]


@transaction.atomic
def erase_person(actor: Actor, person: Person) -> None:
    """Erase a person (DSGVO Art. 17). Their name, address, consents and affiliations go; the
    registrations stay, anonymised, so past attendance figures do not change; a meeting request
    keeps the other participant's side; earlier audit entries lose the name and address; the
    erasure itself is audited under the id alone."""
    full_name = f"{person.first_name} {person.last_name}".strip()
    everywhere = [value for value in (full_name, person.email) if value]
    own_values = [*everywhere, person.first_name, person.last_name, person.phone]
    audit.scrub_values(
        everywhere=everywhere,
        in_objects=_related_objects(person),
        own_values=[value for value in own_values if value],
        personal_fields=["first_name", "last_name", "email", "phone"],
        replacement=ERASED,
    )
    registrations = Registration.objects.filter(person=person)
    for registration in registrations:
        # A new token kills the old cancel, offer and feedback links.
        registration.token = new_token()
        registration.organisation_name = ""
        # What the registrant typed is personal data too; the row stays for the counts.
        registration.first_name = ERASED_FIRST_NAME
        registration.last_name = f"#{person.pk}"
        registration.email = ""
        registration.save(
            update_fields=[
                "token",
                "organisation_name",
                "first_name",
                "last_name",
                "email",
                "updated_at",
            ]
        )
    Feedback.objects.filter(registration__person=person).update(comment="")
    EventMail.objects.filter(registration__person=person).update(last_error="")
    for invitation in Invitation.objects.filter(person=person):
        invitation.token = new_token()
        invitation.save(update_fields=["token"])
    for participant in Participant.objects.filter(registration__person=person):
        participant.offers = participant.seeks = ""
        participant.token = new_token()
        participant.save(update_fields=["offers", "seeks", "token"])
        # Their side of a request goes; the request (and the other side's wish) stays.
        MeetingRequest.objects.filter(sender=participant).update(message="")
    for note in Interaction.objects.filter(person=person):
        note.subject = _replace(note.subject, everywhere)
        note.notes = _replace(note.notes, everywhere)
        note.person = None
        note.save(update_fields=["subject", "notes", "person"])
    person.affiliations.all().delete()
    person.consents.all().delete()
    person.first_name = ERASED_FIRST_NAME
    person.last_name = f"#{person.pk}"
    person.email = ""
    person.phone = ""
    person.erased_at = timezone.now()
    person.save()
    audit.record(actor, AuditEntry.Action.ERASE, person)
