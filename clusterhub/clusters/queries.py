from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from clusterhub.clusters.models import Cluster
from clusterhub.directory.access import public_organisations
from clusterhub.directory.models import Membership, Organisation

# Up to this many listed members the page shows every group open; beyond, groups start closed
# so that a cluster of 180 members does not make a page of 9,000 pixels.
OPEN_GROUPS_UP_TO = 24


@dataclass(frozen=True)
class MemberGroup:
    label: str
    organisations: list[Organisation]


def listed_members_by_kind(cluster: Cluster) -> list[MemberGroup]:
    """The cluster's publicly listed members by kind (start-ups, SMEs, …), each A–Z."""
    by_kind: dict[str, list[Organisation]] = {}
    for membership in cluster.listed_memberships:  # type: ignore[attr-defined]
        by_kind.setdefault(membership.organisation.kind, []).append(membership.organisation)
    return [
        MemberGroup(str(label), sorted(by_kind[kind], key=lambda org: org.name.casefold()))
        for kind, label in Organisation.Kind.choices
        if kind in by_kind
    ]


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
    listed = (
        Membership.objects.filter(ended_on__isnull=True, organisation__in=public_organisations())
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    return get_object_or_404(
        Cluster.objects.prefetch_related(
            "focus_themes",
            "children",
            Prefetch("memberships", queryset=listed, to_attr="listed_memberships"),
        ).annotate(member_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True))),
        slug=slug,
    )
