"""Who may act for a cluster: its managers and the administrators."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.models import Cluster


def can_manage_cluster(viewer: Viewer, cluster_id: int) -> bool:
    return viewer.is_admin or (viewer.is_manager and cluster_id in viewer.managed_cluster_ids)


def clusters_managed_by(viewer: Viewer) -> QuerySet[Cluster]:
    if viewer.is_admin:
        return Cluster.objects.all()
    if viewer.is_manager:
        return Cluster.objects.filter(pk__in=viewer.managed_cluster_ids)
    return Cluster.objects.none()


def get_cluster_for_slug(slug: str) -> Cluster:
    """The cluster a public address names (its calendar feed); 404 when there is none."""
    cluster = Cluster.objects.filter(slug=slug).first()
    if cluster is None:
        raise Http404
    return cluster
