"""Writes to the registry: creating and changing organisations and people, DSGVO duties."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.core.background import enqueue_on_commit
from clusterhub.core.values import assign_values, model_field_names
from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person


def build_search_text(organisation: Organisation) -> str:
    """The text the typo-tolerant search looks in: name first, then what the org does."""
    parts = [
        organisation.name,
        organisation.legal_form,
        organisation.city,
        organisation.offers,
        organisation.seeks,
        organisation.description_de,
    ]
    return " ".join(part.strip() for part in parts if part and part.strip())


@transaction.atomic
def save_organisation(
    actor: Actor, organisation: Organisation, values: Mapping[str, Any]
) -> Organisation:
    """Write ``values`` (cleaned data: field name → value, themes included) to a new or a
    stored organisation, and log what changed; only the fields named in ``values`` change."""
    set_many_to_many = assign_values(organisation, values)
    if organisation.listed_publicly and organisation.listing_consent_at is None:
        organisation.listing_consent_at = timezone.now()
    if not organisation.listed_publicly:
        organisation.listing_consent_at = None
    organisation.search_text = build_search_text(organisation)

    def write() -> Organisation:
        organisation.save()
        set_many_to_many()
        return organisation

    audit.audited_save(actor, organisation, model_field_names(Organisation, values), write)
    enqueue_on_commit("clusterhub.partners.tasks.refresh_partner_index", organisation.pk)
    return organisation


@transaction.atomic
def save_person(actor: Actor, person: Person, values: Mapping[str, Any]) -> Person:
    """Write ``values`` (cleaned data) to a new or a stored person, and log what changed."""
    assign_values(person, values)
    return audit.audited_save(actor, person, model_field_names(Person, values))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def add_membership(
    actor: Actor, organisation: Organisation, values: Mapping[str, Any]
) -> Membership:
    """Take an organisation into a cluster the actor manages; ``values`` names the
    ``cluster`` and may give ``role`` and ``started_on``."""
    viewer = viewer_for(actor) if actor is not None else None
    _require(viewer is not None and can_manage_cluster(viewer, values["cluster"].pk))
    membership = Membership(organisation=organisation)
    assign_values(membership, values)
    membership.save()
    if organisation.status == Organisation.Status.PROSPECT:
        organisation.status = Organisation.Status.MEMBER
        organisation.save(update_fields=["status", "updated_at"])
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        membership,
        {"cluster": [None, membership.cluster.name], "role": [None, membership.role]},
    )
    return membership


@transaction.atomic
def end_membership(actor: Actor, membership: Membership) -> Membership:
    viewer = viewer_for(actor) if actor is not None else None
    _require(viewer is not None and can_manage_cluster(viewer, membership.cluster_id))
    if membership.ended_on is None:
        membership.ended_on = max(timezone.localdate(), membership.started_on or date.min)
        membership.save(update_fields=["ended_on"])
        audit.record(
            actor,
            AuditEntry.Action.UPDATE,
            membership,
            {"ended_on": [None, str(membership.ended_on)]},
        )
    return membership


@transaction.atomic
def add_contact(actor: Actor, organisation: Organisation, values: Mapping[str, Any]) -> Person:
    """A new person at an organisation (``values``: the person's fields), with their
    ``function`` there."""
    person = save_person(actor, Person(), values)
    Affiliation.objects.create(
        person=person, organisation=organisation, function=values.get("function", "")
    )
    return person


@transaction.atomic
def record_consent(actor: Actor, person: Person, values: Mapping[str, Any]) -> Consent:
    """Record the consent ``values`` describes (purpose, given_at, source) for ``person``."""
    consent = Consent(person=person)
    assign_values(consent, values)
    if actor is not None and actor.is_authenticated:
        consent.recorded_by_id = audit.actor_id(actor)
    consent.save()
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        consent,
        {"purpose": [None, consent.purpose], "source": [None, consent.source]},
    )
    return consent


@transaction.atomic
def withdraw_consent(actor: Actor, consent: Consent) -> Consent:
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit.record(
            actor, AuditEntry.Action.UPDATE, consent, {"withdrawn_at": [None, "widerrufen"]}
        )
    return consent
