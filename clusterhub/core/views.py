from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.i18n import set_language

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


def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's ``set_language``, run in the language of the page the visitor came from.

    ``/i18n/setlang/`` carries no language prefix, so the middleware always activates German
    there; under German, ``translate_url`` cannot resolve an ``/en/…`` page and the visitor
    would stay in English. Reading the language of ``next`` first fixes the way back.
    """
    next_path = urlsplit(request.POST.get("next", request.GET.get("next", "/"))).path
    with translation.override(get_language_from_path(next_path) or settings.LANGUAGE_CODE):
        return set_language(request)
