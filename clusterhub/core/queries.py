from __future__ import annotations

from typing import Any

from django.utils import timezone

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.models import Cluster
from clusterhub.crm.access import follow_ups_for
from clusterhub.directory.models import Membership, Organisation


def dashboard_figures(viewer: Viewer) -> dict[str, Any]:
    today = timezone.localdate()
    open_follow_ups = follow_ups_for(viewer).filter(done_at__isnull=True)
    clusters = Cluster.objects.filter(kind=Cluster.Kind.OWN)
    if viewer.is_manager:
        clusters = clusters.filter(pk__in=viewer.managed_cluster_ids)
    memberships = [
        (cluster, Membership.objects.filter(cluster=cluster, ended_on__isnull=True).count())
        for cluster in clusters
    ]
    largest = max((count for _cluster, count in memberships), default=0) or 1
    return {
        "organisation_count": Organisation.objects.count(),
        "member_count": Organisation.objects.filter(status=Organisation.Status.MEMBER).count(),
        "my_clusters": [
            (cluster, count, round(100 * count / largest)) for cluster, count in memberships
        ],
        "overdue_follow_ups": open_follow_ups.filter(due_on__lt=today).count(),
        "due_follow_ups": open_follow_ups.select_related("interaction__organisation")[:10],
        "today": today,
    }
