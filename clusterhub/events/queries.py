"""Reads for the event pages: the public calendar, an event's places, participants, feeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q, QuerySet

from clusterhub.clusters.models import Cluster
from clusterhub.core import rows
from clusterhub.events.access import public_events
from clusterhub.events.models import Event, Format, Registration
from clusterhub.taxonomy.models import Theme


def upcoming_events(
    now: dt.datetime, cluster: Cluster | None = None, theme: Theme | None = None
) -> QuerySet[Event]:
    events = public_events().filter(ends_at__gte=now)
    if cluster is not None:
        events = events.filter(clusters=cluster)
    if theme is not None:
        # By the event's own themes or its clusters' focus themes (as the filter offers them);
        # a subquery, so the join does not multiply the registrations counted below.
        about_theme = Event.objects.filter(Q(themes=theme) | Q(clusters__focus_themes=theme))
        events = events.filter(pk__in=about_theme.values("pk"))
    return (
        events.distinct()
        .select_related("format")
        .prefetch_related("clusters", "themes")
        .annotate(
            taken=Count(
                "registrations", filter=Q(registrations__status__in=Registration.HOLDS_PLACE)
            )
        )
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class Places:
    capacity: int
    taken: int
    waitlisted: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)


def places_of(event: Event) -> Places:
    Status = Registration.Status
    # Plain SQL (core.rows): every registrant of a rush loads the event page that shows it.
    status = rows.column(Registration, "status")
    holds_place = ", ".join(["%s"] * len(Registration.HOLDS_PLACE))
    sql = (
        f"SELECT COUNT(CASE WHEN {status} IN ({holds_place}) THEN 1 END), "
        f"COUNT(CASE WHEN {status} = %s THEN 1 END) FROM {rows.table_of(Registration)} "
        f"WHERE {rows.column(Registration, 'event')} = %s"
    )
    with connection.cursor() as cursor:
        params: list[str | int] = [
            *map(str, Registration.HOLDS_PLACE),
            Status.WAITLISTED.value,
            event.pk,
        ]
        cursor.execute(sql, params)
        taken, waitlisted = cursor.fetchone()
    return Places(capacity=event.capacity, taken=int(taken), waitlisted=int(waitlisted))


def waitlist_rank(registration: Registration) -> int | None:
    """1 for the first person in line; None when not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=Registration.Status.WAITLISTED,
        waitlist_position__lt=registration.waitlist_position,
    ).count()
    return ahead + 1


def feed_events_for_cluster(cluster: Cluster) -> QuerySet[Event]:
    return public_events().filter(clusters=cluster).order_by("starts_at", "pk")


def feed_events_for_format(event_format: Format) -> QuerySet[Event]:
    return public_events().filter(format=event_format).order_by("starts_at", "pk")


def participants(registrations: QuerySet[Registration], query: str = "") -> QuerySet[Registration]:
    """The rows of a participant list, from the registrations ``events.access`` let through."""
    rows = registrations.select_related("person", "organisation")
    if query:
        rows = rows.filter(
            Q(last_name__icontains=query)
            | Q(first_name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation_name__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(token=query)
        )
    return rows.order_by("status", "waitlist_position", "last_name", "pk")


@dataclass(frozen=True)
class StaffEventList:
    upcoming: list[Event]
    past: list[Event]


def staff_event_list(
    visible: QuerySet[Event], now: dt.datetime, *, limit: int = 200
) -> StaffEventList:
    """The staff list: events not yet over, the next first, then past ones, the latest first.

    Each event carries ``taken`` (places held) and ``waitlisted`` for the places column.
    """
    events = (
        visible.select_related("format")
        .prefetch_related("clusters")
        .annotate(
            taken=Count(
                "registrations", filter=Q(registrations__status__in=Registration.HOLDS_PLACE)
            ),
            waitlisted=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            ),
        )
    )
    return StaffEventList(
        upcoming=list(events.filter(ends_at__gte=now).order_by("starts_at", "pk")[:limit]),
        past=list(events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")[:limit]),
    )
