"""Planning the events of a format from its recurrence rule."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.events.models import Event, Format
from clusterhub.events.recurrence import occurrences
from clusterhub.events.services import Actor


@transaction.atomic
def plan_events(
    actor: Actor, event_format: Format, until: dt.datetime, *, after: dt.datetime | None = None
) -> list[Event]:
    """Create the format's events from its rule up to ``until``; existing dates are kept.

    Each event copies the format's defaults (venue, address, capacity, duration, clusters),
    so staff edit the single event afterwards. Running it twice creates nothing new.
    """
    if not event_format.recurrence or event_format.series_start is None:
        return []
    first = timezone.localtime(event_format.series_start)
    starts = occurrences(event_format.recurrence, first, until, after=after)
    taken = set(Event.objects.filter(format=event_format).values_list("starts_at", flat=True))
    cluster_ids = list(event_format.clusters.values_list("pk", flat=True))
    duration = dt.timedelta(minutes=event_format.default_duration_minutes)
    created: list[Event] = []
    for start in starts:
        if start in taken:
            continue
        event = Event.objects.create(
            format=event_format,
            title=event_format.name,
            description=event_format.description,
            starts_at=start,
            ends_at=start + duration,
            venue=event_format.default_venue,
            address=event_format.default_address,
            capacity=event_format.default_capacity,
        )
        event.clusters.set(cluster_ids)
        audit.record(actor, AuditEntry.Action.CREATE, event)
        created.append(event)
    return created
