"""Invitations to a segment of the registry: a cluster, a theme and/or a kind of organisation.

Only people with an active standing consent for newsletters or events are invited, each at most once
per event (a unique constraint, and the event's lock while the invitations are written), and
each invitation is a mail in the outbox that the task worker delivers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.clusters.models import Cluster
from clusterhub.core.locks import lock_event
from clusterhub.directory.models import Organisation, Person
from clusterhub.events.consents import standing_invitation_consents
from clusterhub.events.mails import build_message
from clusterhub.events.models import Event, EventMail, Invitation, Registration
from clusterhub.events.outbox import owe_invitation_mails
from clusterhub.events.queries import places_of
from clusterhub.events.services import Actor
from clusterhub.taxonomy.models import Theme


@dataclass(frozen=True)
class Segment:
    """Who to invite; every criterion given narrows it, at least one must be given."""

    cluster: Cluster | None = None
    theme: Theme | None = None
    kind: str = ""

    def describe(self) -> dict[str, str]:
        return {
            "cluster": self.cluster.slug if self.cluster else "",
            "theme": self.theme.slug if self.theme else "",
            "kind": self.kind,
        }


# Stands in for each invitee's own token in the preview; every real mail has its own link.
PREVIEW_TOKEN = "VORSCHAU"


@dataclass(frozen=True)
class InvitationPreview:
    matching: int
    already_invited: int
    already_registered: int
    # The event's places now: the invitees who register after them land on the waitlist.
    capacity: int = 0
    taken: int = 0
    waitlisted: int = 0

    @property
    def to_invite(self) -> int:
        return self.matching - self.already_invited - self.already_registered

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.free == 0

    @property
    def would_waitlist(self) -> int:
        """How many of the new invitees land on the waitlist if every one of them registers."""
        return max(self.to_invite - self.free, 0)


def _organisations(segment: Segment, today: dt.date) -> QuerySet[Organisation]:
    organisations = Organisation.objects.all()
    if segment.cluster is not None:
        organisations = organisations.filter(
            Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gte=today),
            memberships__cluster=segment.cluster,
        )
    if segment.theme is not None:
        organisations = organisations.filter(themes=segment.theme)
    if segment.kind:
        organisations = organisations.filter(kind=segment.kind)
    return organisations


def segment_people(segment: Segment, today: dt.date | None = None) -> QuerySet[Person]:
    """People with an e-mail address, affiliated with a matching organisation, who gave (and
    did not withdraw) a standing consent to invitations; a consent recorded with one
    registration ("for this event") is not one."""
    organisation_ids = _organisations(segment, today or timezone.localdate()).values("pk")
    consenting = standing_invitation_consents().values("person_id")
    return (
        Person.objects.exclude(email="")
        .filter(affiliations__organisation_id__in=organisation_ids, pk__in=consenting)
        .distinct()
    )


def _registered_ids(event: Event) -> QuerySet[Person, int]:
    """The people of the registry who hold a live registration: linked to it, or (not yet
    reviewed) registered under their address in any case. Never NULL: ``NOT IN`` a list with
    a NULL in it would exclude everyone."""
    live = Registration.objects.filter(event=event).exclude(status=Registration.Status.CANCELLED)
    typed_addresses = live.exclude(email="").annotate(address=Lower("email")).values("address")
    return (
        Person.objects.annotate(address=Lower("email"))
        .filter(
            Q(pk__in=live.filter(person__isnull=False).values("person_id"))
            | Q(address__in=typed_addresses)
        )
        .values_list("pk", flat=True)
    )


def _invited_ids(event: Event) -> QuerySet[Invitation, int]:
    return Invitation.objects.filter(event=event).values_list("person_id", flat=True)


def preview_invitations(event: Event, segment: Segment) -> InvitationPreview:
    people = segment_people(segment)
    invited = people.filter(pk__in=_invited_ids(event))
    places = places_of(event)
    return InvitationPreview(
        matching=people.count(),
        already_invited=invited.count(),
        already_registered=people.filter(pk__in=_registered_ids(event))
        .exclude(pk__in=invited.values("pk"))
        .count(),
        capacity=places.capacity,
        taken=places.taken,
        waitlisted=places.waitlisted,
    )


def _people_to_invite(event: Event, segment: Segment) -> QuerySet[Person]:
    return (
        segment_people(segment)
        .exclude(pk__in=_invited_ids(event))
        .exclude(pk__in=_registered_ids(event))
        .order_by("pk")
    )


def preview_invitation_mail(event: Event, segment: Segment) -> EmailMessage | None:
    """The mail the first new invitee would get, built the way the outbox builds it (their
    language, subject, text); only the link's token is a stand-in. None when no one is new."""
    person = _people_to_invite(event, segment).first()
    if person is None:
        return None
    invitation = Invitation(event=event, person=person, token=PREVIEW_TOKEN)
    return build_message(EventMail(invitation=invitation, kind=EventMail.Kind.INVITATION))


def send_invitations(actor: Actor, event: Event, segment: Segment) -> list[Invitation]:
    """Invite everyone in the segment not yet invited to or registered for ``event``."""
    with transaction.atomic():
        locked = lock_event(event.pk)
        people = (
            segment_people(segment)
            .exclude(pk__in=_invited_ids(locked))
            .exclude(pk__in=_registered_ids(locked))
            .order_by("pk")
        )
        invitations = [
            Invitation.objects.create(event=locked, person=person, invited_by_id=_user_id(actor))
            for person in people
        ]
        owe_invitation_mails(invitations)
        audit.record(
            actor,
            AuditEntry.Action.UPDATE,
            locked,
            {"invitations_sent": len(invitations), "segment": segment.describe()},
        )
    return invitations


def _user_id(actor: Actor) -> int | None:
    return audit.actor_id(actor)
