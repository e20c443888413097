"""Figures per format over time: one row per event of the series, oldest first."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from clusterhub.directory.models import Membership, Organisation
from clusterhub.events.charts import Bar, BarChart, bar_chart
from clusterhub.events.models import Event, Format, Registration
from clusterhub.events.statistics import EventStatistics, event_statistics


@dataclass(frozen=True)
class FormatEventRow:
    event: Event
    stats: EventStatistics
    countries: int
    clusters: tuple[str, ...]
    kinds: tuple[tuple[str, int], ...]

    @property
    def utilisation_percent(self) -> int:
        """Places taken against capacity, capped at 100 for the bar's width."""
        return min(round(100 * self.stats.utilisation), 100)

    @property
    def attendance_percent(self) -> int | None:
        rate = self.stats.attendance_rate
        return None if rate is None else round(100 * rate)


def _reach(event_ids: list[int]) -> tuple[dict[int, set[str]], dict[int, Counter[str]]]:
    """Per event: the names of the clusters and the count of kinds of organisations reached."""
    live = (
        Registration.objects.filter(event_id__in=event_ids, organisation__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("event_id", "organisation_id", "organisation__kind")
        .distinct()
    )
    organisations_of: dict[int, set[int]] = defaultdict(set)
    kinds: dict[int, Counter[str]] = defaultdict(Counter)
    labels = dict(Organisation.Kind.choices)
    for event_id, organisation_id, kind in live:
        if organisation_id not in organisations_of[event_id]:
            organisations_of[event_id].add(organisation_id)
            kinds[event_id][str(labels.get(kind, kind or "?"))] += 1
    all_organisations = set().union(*organisations_of.values()) if organisations_of else set()
    clusters_of_organisation: dict[int, set[str]] = defaultdict(set)
    for organisation_id, cluster_name in Membership.objects.filter(
        organisation_id__in=all_organisations
    ).values_list("organisation_id", "cluster__name"):
        clusters_of_organisation[organisation_id].add(cluster_name)
    clusters = {
        event_id: set().union(*(clusters_of_organisation[org] for org in organisations))
        for event_id, organisations in organisations_of.items()
    }
    return clusters, kinds


def format_statistics(
    event_format: Format, *, until: dt.datetime | None = None
) -> list[FormatEventRow]:
    """One row per event of the format (up to ``until`` when given), oldest first."""
    events = Event.objects.filter(format=event_format)
    if until is not None:
        events = events.filter(starts_at__lte=until)
    ordered = list(events.order_by("starts_at", "pk"))
    clusters, kinds = _reach([event.pk for event in ordered])
    rows = []
    for event in ordered:
        stats = event_statistics(event)
        rows.append(
            FormatEventRow(
                event=event,
                stats=stats,
                countries=len([code for code, _count in stats.countries if code != "?"]),
                clusters=tuple(sorted(clusters.get(event.pk, set()))),
                kinds=tuple(sorted(kinds.get(event.pk, Counter()).items())),
            )
        )
    return rows


def utilisation_chart(rows: list[FormatEventRow]) -> BarChart:
    """Places taken against capacity per event: a full bar is a full event."""
    return bar_chart(
        _("Vergebene Plätze im Verhältnis zur Kapazität je Termin"),
        _("Termin"),
        _("Angemeldet / Plätze"),
        (
            Bar(
                label=formats.date_format(
                    timezone.localtime(row.event.starts_at), "SHORT_DATE_FORMAT"
                ),
                value=f"{row.stats.registered} / {row.stats.capacity}",
                share=row.stats.utilisation,
            )
            for row in rows
        ),
    )
