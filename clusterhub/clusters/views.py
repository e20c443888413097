from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.clusters.queries import public_cluster


def cluster_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "clusters/detail.html", {"cluster": public_cluster(slug)})
