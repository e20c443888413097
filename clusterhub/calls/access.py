"""The only door to funding calls: agency staff read them; administrators and cluster
managers enter calls by hand and forward calls (as one of the clusters they manage)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.calls.models import Forwarding, FundingCall


def calls_visible_to(viewer: Viewer) -> QuerySet[FundingCall]:
    if viewer.is_agency_staff:
        return FundingCall.objects.all()
    return FundingCall.objects.none()


def can_enter_calls(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_manager


def can_forward_calls(viewer: Viewer) -> bool:
    return viewer.is_admin or (viewer.is_manager and bool(viewer.managed_cluster_ids))


def get_call_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> FundingCall:
    """The call ``pk``; 404 when invisible. ``write``: only calls entered by hand change by
    hand (an imported topic is the portal's, a re-import would overwrite the change)."""
    viewer = viewer_for(user)
    call = calls_visible_to(viewer).filter(pk=pk).prefetch_related("themes").first()
    if call is None:
        raise Http404
    if write and (not can_enter_calls(viewer) or call.source != FundingCall.Source.MANUAL):
        raise PermissionDenied
    return call


def forwardings_visible_to(viewer: Viewer, call: FundingCall) -> QuerySet[Forwarding]:
    """Who a call went to, for the clusters that sent it (administrators: all)."""
    forwardings = call.forwardings.select_related("organisation", "cluster")
    if viewer.is_admin:
        return forwardings
    return forwardings.filter(cluster_id__in=viewer.managed_cluster_ids)
