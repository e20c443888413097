"""The doors to the insight pages. Leadership (administrators and staff readers) sees every
cluster and the city-wide figures; a cluster manager sees the clusters they manage; nobody else
sees anything here."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.models import Cluster
from clusterhub.directory.access import organisations_visible_to
from clusterhub.directory.models import Organisation
from clusterhub.insight.models import Report


def is_leadership(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_staff_reader


def may_see_insight(viewer: Viewer) -> bool:
    """The role gate of the insight pages: leadership, and managers of at least one cluster."""
    return is_leadership(viewer) or (viewer.is_manager and bool(viewer.managed_cluster_ids))


def reported_clusters() -> QuerySet[Cluster]:
    """The clusters the figures are about: the agency's own clusters."""
    return Cluster.objects.filter(kind=Cluster.Kind.OWN).order_by("name")


def insight_clusters_visible_to(viewer: Viewer) -> QuerySet[Cluster]:
    clusters = reported_clusters()
    if is_leadership(viewer):
        return clusters
    if viewer.is_manager:
        return clusters.filter(pk__in=viewer.managed_cluster_ids)
    return clusters.none()


def require_leadership(viewer: Viewer) -> None:
    """City-wide and cross-cluster figures are for leadership only."""
    if not is_leadership(viewer):
        raise PermissionDenied


def get_cluster_for_insight(viewer: Viewer, slug: str) -> Cluster:
    cluster = reported_clusters().filter(slug=slug).first()
    if cluster is None:
        raise Http404
    if not insight_clusters_visible_to(viewer).filter(pk=cluster.pk).exists():
        raise PermissionDenied
    return cluster


def may_report_on(viewer: Viewer, cluster: Cluster | None) -> bool:
    if cluster is None:
        return is_leadership(viewer)
    return insight_clusters_visible_to(viewer).filter(pk=cluster.pk).exists()


def get_report_for_user(viewer: Viewer, pk: int) -> Report:
    report = Report.objects.select_related("cluster").filter(pk=pk).first()
    if report is None:
        raise Http404
    if not may_report_on(viewer, report.cluster):
        raise PermissionDenied
    return report


def reports_visible_to(viewer: Viewer) -> QuerySet[Report]:
    reports = Report.objects.select_related("cluster")
    if is_leadership(viewer):
        return reports
    return reports.filter(cluster__in=insight_clusters_visible_to(viewer))


def organisations_named(viewer: Viewer, ids: Iterable[int]) -> dict[int, Organisation]:
    """The organisations among ``ids`` that the viewer may open, by id (for names and links)."""
    return organisations_visible_to(viewer).in_bulk(list(set(ids)))
