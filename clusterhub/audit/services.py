"""Writing the audit log. Services call these; nothing is logged from signals."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast

from clusterhub.audit.models import AuditEntry

# The one type of "who did it" that every service takes: a user, an anonymous visitor (a
# public registration) or None (a background task, a console command).
Actor = AbstractBaseUser | AnonymousUser | None
# Services that decide by the actor's role (crm notes, partner feedback) need a request's user.
UserActor = AbstractBaseUser | AnonymousUser

ModelT = TypeVar("ModelT", bound=models.Model)


def actor_id(actor: Actor) -> int | None:
    """The user id to store for ``actor``; None for anonymous visitors and background work."""
    if actor is None or not actor.is_authenticated:
        return None
    return int(str(actor.pk))


def audited_save(
    actor: Actor,
    obj: ModelT,
    fields: list[str],
    save: Callable[[], ModelT] | None = None,
) -> ModelT:
    """Save ``obj`` and log what changed in ``fields``: a CREATE entry with the values of a new
    row, an UPDATE entry with before → after of a stored one (none when nothing changed).
    ``save`` does the writing when more than ``obj.save()`` is needed (a form's ``save()``
    with its many-to-many fields); it returns the saved object. Call it inside the caller's
    transaction, so the row and its entry commit together."""
    model = type(obj)
    creating = obj.pk is None or not model._default_manager.filter(pk=obj.pk).exists()
    before = {} if creating else field_snapshot(model._default_manager.get(pk=obj.pk), fields)
    if save is None:
        obj.save()
        saved = obj
    else:
        saved = save()
    after = field_snapshot(saved, fields)
    if creating:
        record(actor, AuditEntry.Action.CREATE, saved, after)
    else:
        changes = diff(before, after)
        if changes:
            record(actor, AuditEntry.Action.UPDATE, saved, changes)
    return saved


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
        actor_id=actor_id(actor),
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
        actor_id=actor_id(actor),
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
