"""Writes to the CRM log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import UserActor as Actor
from clusterhub.crm.access import can_write_notes_for
from clusterhub.crm.forms import InteractionForm
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Organisation


@transaction.atomic
def log_interaction(actor: Actor, organisation: Organisation, form: InteractionForm) -> Interaction:
    """Store an interaction (and its follow-up, if one was asked for) for the actor's cluster."""
    data: dict[str, Any] = form.cleaned_data
    if not can_write_notes_for(viewer_for(actor), data["cluster"].pk):
        raise PermissionDenied
    interaction: Interaction = form.save(commit=False)
    interaction.organisation = organisation
    interaction.author_id = int(str(actor.pk))
    interaction.save()
    if data.get("follow_up"):
        FollowUp.objects.create(
            interaction=interaction,
            assignee_id=int(str(actor.pk)),
            due_on=data["follow_up_due_on"],
            description=data["follow_up"],
        )
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        interaction,
        {"organisation": [None, organisation.name], "cluster": [None, data["cluster"].name]},
    )
    return interaction


@transaction.atomic
def record_interaction(
    actor: Actor,
    organisation: Organisation,
    *,
    cluster_id: int,
    kind: str,
    occurred_on: dt.date,
    subject: str,
    notes: str = "",
    follow_up: str = "",
    follow_up_due_on: dt.date | None = None,
) -> Interaction:
    """Store a contact that another service records (a consultation's outcome), from plain
    values, with the same rule as the form: only for a cluster whose notes the actor writes."""
    if not can_write_notes_for(viewer_for(actor), cluster_id):
        raise PermissionDenied
    interaction = Interaction.objects.create(
        cluster_id=cluster_id,
        organisation=organisation,
        kind=kind,
        occurred_on=occurred_on,
        subject=subject[:200],
        notes=notes,
        author_id=int(str(actor.pk)),
    )
    if follow_up and follow_up_due_on is not None:
        FollowUp.objects.create(
            interaction=interaction,
            assignee_id=int(str(actor.pk)),
            due_on=follow_up_due_on,
            description=follow_up[:300],
        )
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        interaction,
        {"organisation": [None, organisation.name], "subject": [None, interaction.subject]},
    )
    return interaction


def complete_follow_up(actor: Actor, follow_up: FollowUp) -> FollowUp:
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.save(update_fields=["done_at"])
        audit.record(actor, AuditEntry.Action.UPDATE, follow_up, {"done_at": [None, "erledigt"]})
    return follow_up
