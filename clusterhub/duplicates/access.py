"""The door to a pair of organisations: both visible to the user; to act, both editable."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.directory.access import get_organisation_for_user
from clusterhub.directory.models import Membership, Organisation

User = AbstractBaseUser | AnonymousUser


def can_see_duplicates(viewer: Viewer) -> bool:
    """The back office reads the list; staff readers see it but cannot act."""
    return viewer.is_agency_staff


def can_act_on_pair(viewer: Viewer, first: Organisation, second: Organisation) -> bool:
    """Merge or keep apart: administrators, and a manager who manages every cluster that
    either organisation belongs to (a merge changes each of those clusters' member lists); a
    prospect of no cluster yet is anyone's."""
    if viewer.is_admin:
        return True
    if not viewer.is_manager:
        return False
    clusters = Membership.objects.filter(organisation__in=[first, second]).values_list(
        "cluster_id", flat=True
    )
    return set(clusters) <= viewer.managed_cluster_ids


def get_pair_for_user(
    user: User, first_pk: int, second_pk: int, *, write: bool = False
) -> tuple[Organisation, Organisation]:
    """The two organisations; 404 when they are one or either is invisible, 403 when ``write``
    asks to act and the user may not."""
    viewer = viewer_for(user)
    if first_pk == second_pk or not can_see_duplicates(viewer):
        raise Http404 if first_pk == second_pk else PermissionDenied
    first = get_organisation_for_user(user, first_pk)
    second = get_organisation_for_user(user, second_pk)
    if write and not can_act_on_pair(viewer, first, second):
        raise PermissionDenied
    return first, second
