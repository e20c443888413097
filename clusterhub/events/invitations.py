"""Invitations to a segment of the registry: a cluster, a theme and/or a kind of organisation.

Only people with an active standing consent for newsletters or events are invited, each at most once
per event (a unique constraint, and the event's lock while the invitations are written), and
each invitation is a mail in the outbox that the task worker delivers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation, Person
from clusterhub.events.consents import standing_invitation_consents
from clusterhub.events.models import Event, Invitation, Registration
from clusterhub.events.outbox import owe_invitation_mails
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


@dataclass(frozen=True)
class InvitationPreview:
    matching: int
    already_invited: int
    already_registered: int

    @property
    def to_invite(self) -> int:
        return self.matching - self.already_invited - self.already_registered


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


def _registered_ids(event: Event) -> QuerySet[Registration, int]:
    return (
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("person_id", flat=True)
    )


def _invited_ids(event: Event) -> QuerySet[Invitation, int]:
    return Invitation.objects.filter(event=event).values_list("person_id", flat=True)


def preview_invitations(event: Event, segment: Segment) -> InvitationPreview:
    people = segment_people(segment)
    invited = people.filter(pk__in=_invited_ids(event))
    return InvitationPreview(
        matching=people.count(),
        already_invited=invited.count(),
        already_registered=people.filter(pk__in=_registered_ids(event))
        .exclude(pk__in=invited.values("pk"))
        .count(),
    )


def send_invitations(actor: Actor, event: Event, segment: Segment) -> list[Invitation]:
    """Invite everyone in the segment not yet invited to or registered for ``event``."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
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
    return int(actor.pk) if actor is not None and actor.is_authenticated else None
