"""Who may import, into which clusters, and the doors to import runs and held rows."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.clusters.models import Cluster
from clusterhub.imports.models import HeldRow, ImportRun

User = AbstractBaseUser | AnonymousUser


def can_import(viewer: Viewer) -> bool:
    """Administrators import anywhere, cluster managers into their clusters."""
    return viewer.is_admin or (viewer.is_manager and bool(viewer.managed_cluster_ids))


def clusters_to_import_into(viewer: Viewer) -> QuerySet[Cluster]:
    if viewer.is_admin:
        return Cluster.objects.all()
    if viewer.is_manager:
        return Cluster.objects.filter(pk__in=viewer.managed_cluster_ids)
    return Cluster.objects.none()


def may_import_into(viewer: Viewer, cluster: Cluster | None) -> bool:
    """A manager names one of her clusters; an administrator may name none."""
    if viewer.is_admin:
        return True
    return viewer.is_manager and cluster is not None and cluster.pk in viewer.managed_cluster_ids


def runs_visible_to(viewer: Viewer) -> QuerySet[ImportRun]:
    if viewer.is_admin:
        return ImportRun.objects.all()
    if viewer.is_manager:
        return ImportRun.objects.filter(
            Q(created_by_id=viewer.user_id) | Q(cluster_id__in=viewer.managed_cluster_ids)
        )
    return ImportRun.objects.none()


def get_run_for_user(user: User, pk: int) -> ImportRun:
    run = runs_visible_to(viewer_for(user)).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


def get_held_row_for_user(user: User, pk: int) -> HeldRow:
    held = HeldRow.objects.filter(pk=pk).select_related("run").first()
    if held is None:
        raise Http404
    get_run_for_user(user, held.run_id)
    return held
