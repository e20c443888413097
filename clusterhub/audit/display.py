"""The audit log in words a person reads: German names of kinds, fields and choices, and the
object's current name as a link where it still exists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry

# Kinds with a staff page of their own, and the URL name that shows one of them.
PAGES = {
    "directory.organisation": "directory:organisation_detail",
    "directory.person": "directory:person_detail",
    "crm.interaction": "crm:interaction_detail",
    "events.event": "events:participants",
}
EMPTY = "–"


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class EntryView:
    entry: AuditEntry
    actor: str
    action: str
    kind: str
    name: str
    url: str
    changes: tuple[Change, ...]
    role: str


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


#: Keys of entries that are no model field: a merge of two organisations.
EXTRA_LABELS = {
    "merged_from": gettext_lazy("Zusammengeführt aus (ID, Name)"),
    "merged_into": gettext_lazy("Zusammengeführt in (ID)"),
    "moved": gettext_lazy("Übernommen"),
}


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _value(field: models.Field[Any, Any] | None, value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if field is not None and field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), value))
    return str(value)


def _changes(model: type[models.Model] | None, changes: Mapping[str, Any]) -> tuple[Change, ...]:
    rows = []
    for name, pair in changes.items():
        field = _field(model, name)
        before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        label = str(field.verbose_name) if field is not None else str(EXTRA_LABELS.get(name, name))
        label = label[:1].upper() + label[1:]
        rows.append(Change(label, _value(field, before), _value(field, after)))
    return tuple(rows)


def _existing(entries: Iterable[AuditEntry]) -> dict[tuple[str, str], models.Model]:
    """The objects of the page that still exist and have a page, in one query per kind."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        if entry.object_type in PAGES and entry.object_id.isdigit():
            wanted[entry.object_type].add(int(entry.object_id))
    found: dict[tuple[str, str], models.Model] = {}
    for object_type, ids in wanted.items():
        model = _model(object_type)
        if model is None:
            continue
        rows = model._default_manager.filter(pk__in=ids)
        if _field(model, "erased_at") is not None:
            rows = rows.filter(erased_at__isnull=True)  # an erased person has no page
        for obj in rows:
            found[(object_type, str(obj.pk))] = obj
    return found


def _role(entry: AuditEntry) -> str:
    if not entry.role:
        return ""
    if entry.role in Account.Role.values:
        return str(Account.Role(entry.role).label)
    return _("nicht angemeldet")


def actor_label(user: Any) -> str:
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


def describe(entries: Iterable[AuditEntry]) -> list[EntryView]:
    entries = list(entries)
    existing = _existing(entries)
    views = []
    for entry in entries:
        model = _model(entry.object_type) if entry.object_type else None
        obj = existing.get((entry.object_type, entry.object_id))
        actor = entry.actor
        views.append(
            EntryView(
                entry=entry,
                actor=actor_label(actor) if actor is not None else EMPTY,
                action=str(entry.get_action_display()),
                kind=str(model._meta.verbose_name) if model is not None else "",
                name=str(obj) if obj is not None else entry.object_repr,
                url=reverse(PAGES[entry.object_type], args=[obj.pk]) if obj is not None else "",
                changes=_changes(model, entry.changes),
                role=_role(entry),
            )
        )
    return views
