"""Writing the audit log. Services call these; nothing is logged from signals."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast

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
    *,
    list_name: str = "",
    row_count: int | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor_id=_actor_id(actor),
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=dict(changes or {}),
        list_name=str(list_name)[:120],
        row_count=row_count,
    )


def record_view(actor: Actor, obj: models.Model) -> AuditEntry:
    return record(actor, AuditEntry.Action.VIEW, obj)


def record_export(actor: Actor, obj: models.Model, *, list_name: str, rows: int) -> AuditEntry:
    """Personal data left the system: which list, of what, how many rows."""
    return record(actor, AuditEntry.Action.EXPORT, obj, list_name=list_name, row_count=rows)


def record_refusal(actor: Actor, *, path: str, role: str) -> AuditEntry:
    """A refused attempt: the address and the role, never the content asked for or sent."""
    return AuditEntry.objects.create(
        actor_id=_actor_id(actor),
        action=AuditEntry.Action.REFUSED,
        path=path[:300],
        role=role[:30],
    )


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


def _scrubbed(value: Any, needles: list[str], exact: set[str], replacement: str) -> Any:
    if isinstance(value, dict):
        return {key: _scrubbed(item, needles, exact, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrubbed(item, needles, exact, replacement) for item in value]
    if not isinstance(value, str):
        return value
    if value.lower() in exact:
        return replacement
    pattern = "|".join(re.escape(needle) for needle in needles)
    return re.sub(pattern, replacement, value, flags=re.IGNORECASE) if pattern else value


def scrub_values(
    *,
    everywhere: list[str],
    in_objects: list[tuple[str, list[int]]],
    own_values: list[str],
    personal_fields: list[str],
    replacement: str,
) -> int:
    """Take an erased person out of earlier entries' stored values (DSGVO Art. 17): a name or
    address in ``everywhere`` is replaced wherever it stands; the entries of ``in_objects``
    (the person's own records) also lose every value in ``own_values`` and every earlier value
    of ``personal_fields`` (a name they had before). Returns how many entries changed."""
    found = Q()
    for needle in everywhere:
        # JSON stores non-ASCII letters escaped on SQLite ("M\u00fcller") and plain on PostgreSQL.
        escaped = json.dumps(needle)[1:-1]
        found |= Q(object_repr__icontains=needle) | Q(changes_text__icontains=needle)
        found |= Q(changes_text__icontains=escaped)
    for object_type, ids in in_objects:
        if ids:
            found |= Q(object_type=object_type, object_id__in=[str(pk) for pk in ids])
    if not found:
        return 0
    entries = list(
        AuditEntry.objects.annotate(changes_text=Cast("changes", models.TextField())).filter(found)
    )
    own = {(object_type, str(pk)) for object_type, ids in in_objects for pk in ids}
    earlier = set(own_values)
    for entry in entries:
        if (entry.object_type, entry.object_id) in own:
            for name in personal_fields:
                for value in entry.changes.get(name) or []:
                    if isinstance(value, str) and value:
                        earlier.add(value)
    exact_own = {value.lower() for value in earlier}
    needles_own = sorted({*everywhere, *earlier}, key=len, reverse=True)
    scrubbed = 0
    for entry in entries:
        mine = (entry.object_type, entry.object_id) in own
        exact = exact_own if mine else set()
        needles = needles_own if mine else everywhere
        changes = _scrubbed(entry.changes, needles, exact, replacement)
        object_repr = _scrubbed(entry.object_repr, needles, set(), replacement)
        if changes != entry.changes or object_repr != entry.object_repr:
            AuditEntry.objects.filter(pk=entry.pk).update(changes=changes, object_repr=object_repr)
            scrubbed += 1
    return scrubbed
