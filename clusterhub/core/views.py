from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.accounts.roles import viewer_for
from clusterhub.clusters.queries import public_clusters
from clusterhub.core.decorators import staff_required
from clusterhub.core.queries import dashboard_figures


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"clusters": public_clusters()})


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(request, "core/dashboard.html", dashboard_figures(viewer))
