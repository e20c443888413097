"""The stored aggregates: computed once, kept in ``Snapshot`` rows, refreshed by the worker
(``insight.tasks.refresh_aggregates``). Pages read them here; a period nobody asked for before
is computed at once and kept."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.insight import crosscluster
from clusterhub.insight.access import reported_clusters
from clusterhub.insight.figures import dashboard_figures
from clusterhub.insight.models import Snapshot
from clusterhub.insight.periods import preset_periods
from clusterlogic.insight.figures import Period

Kind = Snapshot.Kind
CROSS_CLUSTER: dict[str, Callable[[list[Cluster], Period], dict[str, Any]]] = {
    Kind.OVERLAPS: crosscluster.overlaps,
    Kind.THEMES: crosscluster.themes,
    Kind.NETWORK: crosscluster.network,
    Kind.TOPICS: crosscluster.topics,
}


def _compute(kind: str, scope: str, period: Period) -> dict[str, Any]:
    clusters = list(reported_clusters())
    if kind == Kind.DASHBOARD:
        ids = [c.pk for c in clusters if not scope or c.slug == scope]
        return dashboard_figures(ids, period)
    return CROSS_CLUSTER[kind](clusters, period)


def store_snapshot(kind: str, scope: str, period: Period) -> Snapshot:
    """Computes one aggregate and keeps it (replacing the one before)."""
    started = time.perf_counter()
    data = _compute(kind, scope, period)
    snapshot, _created = Snapshot.objects.update_or_create(
        kind=kind,
        scope=scope,
        period_start=period.start,
        period_end=period.end,
        defaults={
            "data": data,
            "refreshed_at": timezone.now(),
            "seconds": round(time.perf_counter() - started, 3),
        },
    )
    return snapshot


def snapshot_for(kind: str, scope: str, period: Period) -> Snapshot:
    """The stored aggregate; computed and stored now when the period was never asked for."""
    stored = Snapshot.objects.filter(
        kind=kind, scope=scope, period_start=period.start, period_end=period.end
    ).first()
    return stored or store_snapshot(kind, scope, period)


def _wanted() -> set[tuple[str, str, Period]]:
    """Every aggregate of the preset periods, and every one asked for before."""
    wanted = {
        (kind, scope, period)
        for period in preset_periods()
        for kind, scope in [
            *((k, "") for k in Kind.values),
            *((Kind.DASHBOARD, c.slug) for c in reported_clusters()),
        ]
    }
    for kind, scope, start, end in Snapshot.objects.values_list(
        "kind", "scope", "period_start", "period_end"
    ):
        wanted.add((kind, scope, Period(start=start, end=end)))
    return wanted


def refresh_aggregates() -> int:
    """Recomputes every aggregate of the preset periods and every one asked for before; the
    worker runs it (``insight.tasks.refresh_aggregates``). All are written at the end in one
    transaction, so a page never shows figures of two refreshes side by side. Returns how
    many were stored."""
    refreshed_at = timezone.now()
    computed = []
    for kind, scope, period in sorted(_wanted(), key=lambda w: (w[0], w[1], w[2].start, w[2].end)):
        started = time.perf_counter()
        data = _compute(kind, scope, period)
        computed.append((kind, scope, period, data, round(time.perf_counter() - started, 3)))
    with transaction.atomic():
        for kind, scope, period, data, seconds in computed:
            Snapshot.objects.update_or_create(
                kind=kind,
                scope=scope,
                period_start=period.start,
                period_end=period.end,
                defaults={"data": data, "refreshed_at": refreshed_at, "seconds": seconds},
            )
    return len(computed)


def refresh_is_due(now: dt.datetime | None = None) -> bool:
    """Whether the periodic refresh should run: an aggregate of the preset periods is missing
    (a new year, a new cluster), or the oldest one kept is older than
    ``CLUSTERHUB_INSIGHT_REFRESH_HOURS``."""
    now = now or timezone.now()
    oldest = Snapshot.objects.aggregate(oldest=Min("refreshed_at"))["oldest"]
    max_age = dt.timedelta(hours=settings.CLUSTERHUB_INSIGHT_REFRESH_HOURS)
    if oldest is None or now - oldest >= max_age:
        return True
    kept = {
        (kind, scope, Period(start=start, end=end))
        for kind, scope, start, end in Snapshot.objects.values_list(
            "kind", "scope", "period_start", "period_end"
        )
    }
    return not _wanted() <= kept


def refresh_aggregates_when_due(now: dt.datetime | None = None) -> int | None:
    """The periodic refresh (``manage.py refresh_insight --when-due``, for cron or the jobs
    loop): refreshes when due, else does nothing. Returns how many were stored, or None."""
    return refresh_aggregates() if refresh_is_due(now) else None


def latest_refresh() -> Snapshot | None:
    return Snapshot.objects.order_by("-refreshed_at").first()
