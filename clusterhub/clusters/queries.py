from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Membership


def public_clusters() -> QuerySet[Cluster]:
    return Cluster.objects.exclude(kind=Cluster.Kind.CONSORTIUM).prefetch_related("focus_themes")


def public_cluster(slug: str) -> Cluster:
    listed = Membership.objects.filter(
        ended_on__isnull=True, organisation__listed_publicly=True
    ).select_related("organisation")
    return get_object_or_404(
        Cluster.objects.prefetch_related(
            "focus_themes",
            "children",
            Prefetch("memberships", queryset=listed, to_attr="listed_memberships"),
        ).annotate(member_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True))),
        slug=slug,
    )
