"""Dashboards per cluster and city-wide, and the overview of the insight pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.clusters.models import Cluster
from clusterhub.core.decorators import admin_required, require_viewer
from clusterhub.insight import services, snapshots
from clusterhub.insight.access import (
    get_cluster_for_insight,
    insight_clusters_visible_to,
    is_leadership,
    may_see_insight,
    require_leadership,
)
from clusterhub.insight.dashboard import breakdown_rows, dashboard_charts, figure_rows
from clusterhub.insight.forms import PeriodForm
from clusterhub.insight.models import Snapshot
from clusterhub.insight.periods import period_query

insight_required = require_viewer(may_see_insight)


def period_context(request: HttpRequest) -> dict[str, Any]:
    form = PeriodForm(request.GET or None)
    period = form.chosen()
    return {
        "form": form,
        "period": period,
        "previous": period.before(),
        "period_query": period_query(period),
    }


@insight_required
def overview(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    context = {
        "clusters": insight_clusters_visible_to(viewer),
        "leadership": is_leadership(viewer),
        "may_refresh": viewer.is_admin,
        "last_refresh": snapshots.latest_refresh(),
    }
    return render(request, "insight/overview.html", context)


def _dashboard(request: HttpRequest, cluster: Cluster | None) -> HttpResponse:
    context = period_context(request)
    snapshot = snapshots.snapshot_for(
        Snapshot.Kind.DASHBOARD, cluster.slug if cluster else "", context["period"]
    )
    rows = figure_rows(snapshot.data, cluster)
    breakdowns = breakdown_rows(snapshot.data, cluster)
    names = (_("Zeitraum"), _("Zeitraum davor"))
    context.update(
        cluster=cluster,
        snapshot=snapshot,
        rows=rows,
        breakdowns=breakdowns,
        charts=dashboard_charts(rows, breakdowns, names),
    )
    return render(request, "insight/dashboard.html", context)


@insight_required
def city_dashboard(request: HttpRequest) -> HttpResponse:
    require_leadership(viewer_for(request.user))
    return _dashboard(request, None)


@insight_required
def cluster_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    return _dashboard(request, get_cluster_for_insight(viewer_for(request.user), slug))


@admin_required
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    services.ask_for_refresh()
    messages.success(request, _("Die Auswertungen werden im Hintergrund neu berechnet."))
    return redirect("insight:overview")
