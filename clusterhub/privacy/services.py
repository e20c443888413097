"""DSGVO duties: the export of everything stored about a person (Art. 15/20, in ``export``)
and the erasure (Art. 17), which anonymises rather than deletes so that events keep their
figures and other participants keep their meeting requests. An erased address leaves a
tombstone (``tombstones``) so that no import or registration review brings it back."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Person
from clusterhub.events.models import EventMail, Feedback, Invitation, Registration, new_token
from clusterhub.matchmaking.models import MeetingRequest, Participant
from clusterhub.privacy import tombstones
from clusterhub.privacy.export import audited_objects, export_person_data, export_registrant_data

__all__ = [
    "erase_people",
    "erase_person",
    "erase_registrant",
    "export_person_data",
    "export_registrant_data",
]

ERASED = "[gelöscht]"
ERASED_FIRST_NAME = "Gelöscht"


def _replace(text: str, needles: list[str]) -> str:
    lowered = text.lower()
    for needle in needles:
        start = lowered.find(needle.lower())
        while start != -1:
            text = text[:start] + ERASED + text[start + len(needle) :]
            lowered = text.lower()
            start = lowered.find(needle.lower(), start + len(ERASED))
    return text


def _anonymise_registrations(registrations: QuerySet[Registration], label: str) -> None:
    """Registrations stay for the counts; what the registrant typed goes, their links (cancel,
    offer, feedback, matchmaking, the check-in code, which is signed with the token) die with
    new tokens, and mails not yet sent are dropped."""
    for registration in registrations:
        tombstones.bury(registration.email)
        registration.token = new_token()
        registration.organisation_name = ""
        registration.first_name = ERASED_FIRST_NAME
        registration.last_name = label
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
    Feedback.objects.filter(registration__in=registrations).update(comment="")
    EventMail.objects.filter(registration__in=registrations).update(last_error="")
    EventMail.objects.filter(registration__in=registrations, sent_at__isnull=True).update(
        skipped=True, claimed_until=None
    )
    for participant in Participant.objects.filter(registration__in=registrations):
        participant.offers = participant.seeks = ""
        participant.token = new_token()
        participant.save(update_fields=["offers", "seeks", "token"])
        # Their side of a request goes; the request (and the other side's wish) stays.
        MeetingRequest.objects.filter(sender=participant).update(message="")


@transaction.atomic
def erase_person(actor: Actor, person: Person) -> None:
    """Erase a person (DSGVO Art. 17). Their name, address, consents and affiliations go; the
    registrations stay, anonymised, so past attendance figures do not change; a meeting request
    keeps the other participant's side; earlier audit entries lose the name and address; the
    address leaves a tombstone; the erasure itself is audited under the id alone."""
    full_name = f"{person.first_name} {person.last_name}".strip()
    everywhere = [value for value in (full_name, person.email) if value]
    own_values = [*everywhere, person.first_name, person.last_name, person.phone]
    audit.scrub_values(
        everywhere=everywhere,
        in_objects=audited_objects(person),
        own_values=[value for value in own_values if value],
        personal_fields=["first_name", "last_name", "email", "phone"],
        replacement=ERASED,
    )
    tombstones.bury(person.email)
    _anonymise_registrations(Registration.objects.filter(person=person), f"#{person.pk}")
    invitations = Invitation.objects.filter(person=person)
    EventMail.objects.filter(invitation__in=invitations, sent_at__isnull=True).update(
        skipped=True, claimed_until=None
    )
    for invitation in invitations:
        invitation.token = new_token()
        invitation.save(update_fields=["token"])
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


@transaction.atomic
def erase_people(actor: Actor, people: QuerySet[Person]) -> int:
    """The retention page's bulk erasure: each person as one erasure, each audited."""
    count = 0
    for person in people.filter(erased_at__isnull=True):
        erase_person(actor, person)
        count += 1
    return count


@transaction.atomic
def erase_registrant(actor: Actor, email: str, registrations: QuerySet[Registration]) -> int:
    """Erase what registrations hold of someone who is in no registry record (found by the
    address they typed): the same anonymisation as for a person, audited per registration."""
    rows = list(registrations.filter(person__isnull=True))
    names = {f"{r.first_name} {r.last_name}".strip() for r in rows} - {""}
    participants = Participant.objects.filter(registration__in=rows).values_list("pk", flat=True)
    audit.scrub_values(
        everywhere=[value for value in (*names, email.strip()) if value],
        in_objects=[
            ("events.registration", [r.pk for r in rows]),
            ("matchmaking.participant", list(participants)),
        ],
        own_values=[value for r in rows for value in (r.first_name, r.last_name, r.email) if value],
        personal_fields=["first_name", "last_name", "email"],
        replacement=ERASED,
    )
    tombstones.bury(email)
    ids = [r.pk for r in rows]
    _anonymise_registrations(Registration.objects.filter(pk__in=ids), ERASED)
    for registration in Registration.objects.filter(pk__in=ids):
        audit.record(actor, AuditEntry.Action.ERASE, registration)
    return len(ids)
