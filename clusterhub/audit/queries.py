"""Reads of the audit log: one filtered page, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.utils import timezone

from clusterhub.audit.models import AuditEntry

PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditFilter:
    actor_id: int | None = None
    object_type: str = ""
    object: str = ""  # a number is the object's id, anything else a part of its name
    action: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def merged_ids(object_id: str) -> set[str]:
    """``object_id`` and the ids of every entry merged into it (a duplicate organisation's
    history stays under its own id; the survivor's merge entry names it in ``merged_from``)."""
    found, frontier = {object_id}, [object_id]
    while frontier:
        merges = AuditEntry.objects.filter(object_id__in=frontier, changes__has_key="merged_from")
        frontier = [
            str(changes["merged_from"][0])
            for changes in merges.values_list("changes", flat=True)
            if str(changes["merged_from"][0]) not in found
        ]
        found.update(frontier)
    return found


def audit_page(f: AuditFilter, page_number: str | None) -> Page[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if f.actor_id:
        entries = entries.filter(actor_id=f.actor_id)
    if f.object_type:
        entries = entries.filter(object_type=f.object_type)
    if f.object.strip():
        needle = f.object.strip()
        entries = entries.filter(
            Q(object_id__in=merged_ids(needle))
            if needle.isdigit()
            else Q(object_repr__icontains=needle)
        )
    if f.action:
        entries = entries.filter(action=f.action)
    if f.since:
        entries = entries.filter(at__gte=_start_of(f.since))
    if f.until:
        entries = entries.filter(at__lt=_start_of(f.until + dt.timedelta(days=1)))
    return Paginator(entries, PAGE_SIZE).get_page(page_number)
