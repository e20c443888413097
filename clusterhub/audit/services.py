"""Writing the audit log. Services call these; nothing is logged from signals."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from clusterhub.audit.models import AuditEntry

Actor = AbstractBaseUser | AnonymousUser | None


def _actor_id(actor: Actor) -> int | None:
    if actor is None or not actor.is_authenticated:
        return None
    return int(actor.pk)


def record(
    actor: Actor,
    action: str,
    obj: models.Model,
    changes: Mapping[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor_id=_actor_id(actor),
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=dict(changes or {}),
    )


def record_view(actor: Actor, obj: models.Model) -> AuditEntry:
    return record(actor, AuditEntry.Action.VIEW, obj)


def field_snapshot(obj: models.Model, field_names: list[str]) -> dict[str, Any]:
    """Plain, JSON-able values of the named fields, for a before/after comparison."""
    snapshot: dict[str, Any] = {}
    for name in field_names:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            value: Any = sorted(str(item) for item in getattr(obj, name).all()) if obj.pk else []
        else:
            value = getattr(obj, field.attname if hasattr(field, "attname") else name)
            if value is not None and not isinstance(value, bool | int | float | str):
                value = str(value)
        snapshot[name] = value
    return snapshot


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }
