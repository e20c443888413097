"""Writes to the CRM log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import UserActor as Actor
from clusterhub.core.values import assign_values
from clusterhub.crm.access import can_write_notes_for
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Organisation


@transaction.atomic
def log_interaction(
    actor: Actor, organisation: Organisation, data: Mapping[str, Any]
) -> Interaction:
    """Store an interaction (``data``: cluster, kind, occurred_on, subject, notes) and its
    follow-up, if ``data`` asks for one (follow_up, follow_up_due_on), for the actor's cluster."""
    if not can_write_notes_for(viewer_for(actor), data["cluster"].pk):
        raise PermissionDenied
    interaction = Interaction(organisation=organisation)
    assign_values(interaction, data)
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


def complete_follow_up(actor: Actor, follow_up: FollowUp) -> FollowUp:
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.save(update_fields=["done_at"])
        audit.record(actor, AuditEntry.Action.UPDATE, follow_up, {"done_at": [None, "erledigt"]})
    return follow_up
