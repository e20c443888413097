"""Writes to the registry: creating and changing organisations and people, DSGVO duties."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import ModelForm
from django.utils import timezone

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.core.background import enqueue_on_commit
from clusterhub.directory.forms import ConsentForm, MembershipForm, NewContactForm
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


def _tracked_fields(form: ModelForm[Any]) -> list[str]:
    return [
        name for name in form.fields if name in {f.name for f in form.instance._meta.get_fields()}
    ]


@transaction.atomic
def save_organisation(actor: Actor, form: ModelForm[Any]) -> Organisation:
    """Create or update an organisation from a valid form, and log what changed."""
    organisation: Organisation = form.save(commit=False)
    if organisation.listed_publicly and organisation.listing_consent_at is None:
        organisation.listing_consent_at = timezone.now()
    if not organisation.listed_publicly:
        organisation.listing_consent_at = None
    organisation.search_text = build_search_text(organisation)

    def write() -> Organisation:
        organisation.save()
        form.save_m2m()
        return organisation

    audit.audited_save(actor, organisation, _tracked_fields(form), write)
    enqueue_on_commit("clusterhub.partners.tasks.refresh_partner_index", organisation.pk)
    return organisation


@transaction.atomic
def save_person(actor: Actor, form: ModelForm[Any]) -> Person:
    person: Person = audit.audited_save(actor, form.instance, _tracked_fields(form), form.save)
    return person


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def add_membership(actor: Actor, organisation: Organisation, form: MembershipForm) -> Membership:
    """Take an organisation into a cluster the actor manages."""
    viewer = viewer_for(actor) if actor is not None else None
    _require(viewer is not None and can_manage_cluster(viewer, form.cleaned_data["cluster"].pk))
    membership: Membership = form.save(commit=False)
    membership.organisation = organisation
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
def add_contact(actor: Actor, organisation: Organisation, form: NewContactForm) -> Person:
    """A new person at an organisation, with their function there."""
    person = save_person(actor, form)
    Affiliation.objects.create(
        person=person, organisation=organisation, function=form.cleaned_data.get("function", "")
    )
    return person


@transaction.atomic
def record_consent(actor: Actor, person: Person, form: ConsentForm) -> Consent:
    consent: Consent = form.save(commit=False)
    consent.person = person
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
