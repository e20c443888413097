"""The only door to CRM notes: private to the cluster that wrote them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.crm.models import FollowUp, Interaction


def interactions_visible_to(viewer: Viewer) -> QuerySet[Interaction]:
    if viewer.is_admin:
        return Interaction.objects.all()
    if viewer.is_manager:
        return Interaction.objects.filter(cluster_id__in=viewer.managed_cluster_ids)
    return Interaction.objects.none()


def can_write_notes_for(viewer: Viewer, cluster_id: int) -> bool:
    return can_manage_cluster(viewer, cluster_id)


def get_interaction_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> Interaction:
    viewer = viewer_for(user)
    interaction = Interaction.objects.filter(pk=pk).select_related("organisation").first()
    if interaction is None:
        raise Http404
    if not interactions_visible_to(viewer).filter(pk=pk).exists():
        # Staff know notes exist (the organisation page says so) but may not read them.
        raise PermissionDenied if viewer.is_agency_staff else Http404
    if write and not can_write_notes_for(viewer, interaction.cluster_id):
        raise PermissionDenied
    return interaction


def follow_ups_for(viewer: Viewer) -> QuerySet[FollowUp]:
    visible = interactions_visible_to(viewer)
    return FollowUp.objects.filter(assignee_id=viewer.user_id, interaction__in=visible)
