from __future__ import annotations

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Membership

# The agency's own clusters first, then the networks it works with, then the initiative.
KIND_ORDER = Case(
    When(kind=Cluster.Kind.OWN, then=Value(0)),
    When(kind=Cluster.Kind.NETWORK, then=Value(1)),
    default=Value(2),
)


def public_clusters() -> QuerySet[Cluster]:
    return (
        Cluster.objects.exclude(kind=Cluster.Kind.CONSORTIUM)
        .order_by(KIND_ORDER, "name")
        .prefetch_related("focus_themes")
    )


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
