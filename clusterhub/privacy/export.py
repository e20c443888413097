"""The export of everything stored about a person (DSGVO Art. 15/20) as plain data, and the
same for a registrant whose typed data was never linked to a registry person. Notes only of
the clusters whose notes the exporting viewer may read (another cluster's is not even dated)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import ANONYMOUS, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.crm.access import interactions_visible_to
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Person
from clusterhub.events.models import EventMail, Feedback, Registration
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant
from clusterhub.partners.models import Introduction


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _mails(mails: Iterable[EventMail]) -> list[dict[str, Any]]:
    return [
        {
            "kind": mail.kind,
            "occasion": mail.occasion,
            "created_at": _iso(mail.created_at),
            "sent_at": _iso(mail.sent_at),
            "skipped": mail.skipped,
            "failed_at": _iso(mail.failed_at),
        }
        for mail in mails
    ]


def _meetings(participant: Participant) -> list[dict[str, Any]]:
    mine = Q(request__sender=participant) | Q(request__recipient=participant)
    meetings = Meeting.objects.filter(mine).select_related(
        "table", "request__sender", "request__recipient"
    )
    rows = []
    for meeting in meetings:
        partner = (
            meeting.request.recipient
            if meeting.request.sender_id == participant.pk
            else meeting.request.sender
        )
        rows.append(
            {
                "slot": meeting.slot_id,
                "table": meeting.table.label,
                "partner_organisation": partner.organisation_label,
                "announced": meeting.announced,
                "no_show": meeting.no_shows.filter(pk=participant.pk).exists(),
            }
        )
    return rows


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
            "answered_at": _iso(request.answered_at),
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
        "meetings": _meetings(participant),
    }


def registration_rows(registrations: QuerySet[Registration]) -> list[dict[str, Any]]:
    rows = []
    for registration in registrations.select_related("event").prefetch_related("mails"):
        feedback = Feedback.objects.filter(registration=registration).first()
        rows.append(
            {
                "event": registration.event.title,
                "starts_at": _iso(registration.event.starts_at),
                "status": registration.status,
                "first_name": registration.first_name,
                "last_name": registration.last_name,
                "email": registration.email,
                "organisation_name": registration.organisation_name,
                "country": registration.country,
                "language": registration.language,
                "registered_at": _iso(registration.created_at),
                "checked_in_at": _iso(registration.checked_in_at),
                "feedback": (
                    {
                        "rating": feedback.rating,
                        "comment": feedback.comment,
                        "submitted_at": _iso(feedback.submitted_at),
                    }
                    if feedback
                    else None
                ),
                "mails": _mails(registration.mails.all()),
                "matchmaking": _matchmaking(registration),
            }
        )
    return rows


def _interactions(notes: QuerySet[Interaction]) -> list[dict[str, Any]]:
    return [
        {
            "cluster": note.cluster.name,
            "organisation": note.organisation.name if note.organisation_id else None,
            "date": note.occurred_on.isoformat(),
            "kind": note.kind,
            "subject": note.subject,
            "notes": note.notes,
            "follow_ups": [
                {
                    "due_on": follow_up.due_on.isoformat(),
                    "description": follow_up.description,
                    "done_at": _iso(follow_up.done_at),
                }
                for follow_up in note.follow_ups.all()
            ],
        }
        for note in notes.select_related("cluster", "organisation").prefetch_related("follow_ups")
    ]


def _introductions(notes: QuerySet[Interaction]) -> list[dict[str, Any]]:
    """Introductions whose CRM entries name the person (through a note the viewer may read)."""
    introductions = (
        Introduction.objects.filter(interactions__in=notes.values("pk"))
        .select_related("cluster", "organisation", "partner")
        .distinct()
    )
    return [
        {
            "cluster": introduction.cluster.name,
            "organisation": introduction.organisation.name,
            "partner": introduction.partner.name,
            "introduced_on": introduction.introduced_on.isoformat(),
        }
        for introduction in introductions
    ]


def audited_objects(person: Person) -> list[tuple[str, list[int]]]:
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


def audit_rows(objects: list[tuple[str, list[int]]]) -> list[dict[str, Any]]:
    """What the audit log holds about these objects: when, what was done, what changed."""
    about = Q(pk__in=[])
    for object_type, ids in objects:
        if ids:
            about |= Q(object_type=object_type, object_id__in=[str(pk) for pk in ids])
    entries = AuditEntry.objects.filter(about).order_by("at", "pk")
    return [
        {
            "at": _iso(entry.at),
            "action": entry.action,
            "object_type": entry.object_type,
            "object": entry.object_repr,
            "changes": entry.changes,
            "list_name": entry.list_name,
        }
        for entry in entries
    ]


def export_person_data(actor: Actor, person: Person) -> dict[str, Any]:
    viewer = viewer_for(actor) if actor is not None else ANONYMOUS
    notes = interactions_visible_to(viewer).filter(person=person)
    invitations = person.event_invitations.select_related("event").prefetch_related("mails")
    data = {
        "exported_at": _iso(timezone.now()),
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
        "registrations": registration_rows(Registration.objects.filter(person=person)),
        "invitations": [
            {
                "event": invitation.event.title,
                "invited_at": _iso(invitation.created_at),
                "mails": _mails(invitation.mails.all()),
            }
            for invitation in invitations
        ],
        "interactions": _interactions(notes),
        "introductions": _introductions(notes),
        # Read before this export's own entry is written: the file shows what was stored.
        "audit_entries": audit_rows(audited_objects(person)),
    }
    audit.record_export(actor, person, list_name=_("Personendaten (JSON)"), rows=1)
    return data


def export_registrant_data(
    actor: Actor, email: str, registrations: QuerySet[Registration]
) -> dict[str, Any]:
    """What registrations hold of someone who is in no registry record: their typed data,
    mails, feedback and matchmaking, and what the audit log says about those registrations."""
    rows = list(registrations)
    data = {
        "exported_at": _iso(timezone.now()),
        "email": email,
        "registrations": registration_rows(registrations),
        "audit_entries": audit_rows([("events.registration", [r.pk for r in rows])]),
    }
    for registration in rows:
        audit.record_export(
            actor, registration, list_name=_("Daten einer angemeldeten Person (JSON)"), rows=1
        )
    return data
