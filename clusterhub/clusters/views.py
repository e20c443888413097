from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.clusters.queries import OPEN_GROUPS_UP_TO, listed_members_by_kind, public_cluster


def cluster_detail(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = public_cluster(slug)
    context = {
        "cluster": cluster,
        "member_groups": listed_members_by_kind(cluster),
        "groups_open": len(cluster.listed_memberships) <= OPEN_GROUPS_UP_TO,  # type: ignore[attr-defined]
    }
    return render(request, "clusters/detail.html", context)
