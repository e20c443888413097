"""Who may do what with partner suggestions; objects themselves come through directory.access."""

from __future__ import annotations

from django.db.models import QuerySet

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.clusters.models import Cluster


def can_give_feedback(viewer: Viewer) -> bool:
    """Feedback changes what everybody sees for the organisation: managers and admins only."""
    return viewer.is_admin or viewer.is_manager


def introduction_clusters(viewer: Viewer) -> QuerySet[Cluster]:
    """The clusters in whose name the viewer may introduce (and log the introduction)."""
    return clusters_managed_by(viewer)


def can_introduce(viewer: Viewer) -> bool:
    return viewer.is_admin or bool(viewer.is_manager and viewer.managed_cluster_ids)
