"""Staff pages of the material streams: offers, needs, and the matches between them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import require_viewer, staff_required
from clusterhub.core.forms import submit
from clusterhub.directory.access import organisations_visible_to
from clusterhub.directory.models import Organisation
from clusterhub.partners import services as partners
from clusterhub.support import ewc, places, streams
from clusterhub.support.access import get_stream_for_user, streams_visible_to
from clusterhub.support.stream_forms import IntroduceForm, StreamForm

managers_only = require_viewer(lambda viewer: viewer.is_admin or viewer.is_manager)


def editable_organisations(viewer: Viewer) -> QuerySet[Organisation]:
    """Organisations whose streams the viewer may record: administrators all, managers the
    members of their clusters."""
    visible = organisations_visible_to(viewer)
    if viewer.is_admin:
        return visible
    return visible.filter(memberships__cluster_id__in=viewer.managed_cluster_ids).distinct()


def _page(request: HttpRequest, form: StreamForm | None = None, status: int = 200) -> HttpResponse:
    viewer = viewer_for(request.user)
    visible = streams_visible_to(viewer).filter(active=True)
    may_write = viewer.is_admin or viewer.is_manager
    if may_write and form is None:
        form = StreamForm(organisations=editable_organisations(viewer))
    matches = streams.stream_matches(visible)
    context = {
        "map_data": streams.map_data(visible, matches),
        "offers": visible.filter(kind="offer"),
        "needs": visible.filter(kind="need"),
        "matches": matches,
        "form": form,
        "clusters": clusters_managed_by(viewer),
        "attribution": [ewc.ATTRIBUTION, places.ATTRIBUTION],
    }
    return render(request, "support/streams.html", context, status=status)


@staff_required
@require_GET
def stream_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@managers_only
@require_POST
def stream_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = StreamForm(request.POST, organisations=editable_organisations(viewer))
    recorded = submit(
        form,
        lambda data: streams.record_stream(request.user, data["organisation"], _stream_data(data)),
    )
    if not recorded:
        return _page(request, form, status=400)
    messages.success(request, _("Der Stoffstrom ist gespeichert."))
    return redirect("support:streams")


def _stream_data(data: dict[str, Any]) -> streams.StreamData:
    return streams.StreamData(
        kind=data["kind"],
        material=data["material"],
        ewc_code=data["ewc_code"],
        tonnes_per_year=data["tonnes_per_year"],
        city=data["city"],
        quality=data["quality"],
        available_from=data["available_from"],
        accepts=data["accepts"],
        accepts_hazardous=data["accepts_hazardous"],
    )


@managers_only
@require_POST
def stream_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    streams.withdraw_stream(request.user, get_stream_for_user(request.user, pk))
    messages.success(request, _("Der Stoffstrom wurde zurückgezogen."))
    return redirect("support:streams")


@managers_only
@require_POST
def stream_introduce(request: HttpRequest) -> HttpResponse:
    """Introduce the organisation of a need to the one whose offer serves it."""
    viewer = viewer_for(request.user)
    form = IntroduceForm(request.POST, clusters=clusters_managed_by(viewer))
    if not form.is_valid():
        messages.error(request, _("Bitte einen Cluster wählen, in dem vorgestellt wird."))
        return redirect("support:streams")
    offer = get_stream_for_user(request.user, form.cleaned_data["offer"])
    need = get_stream_for_user(request.user, form.cleaned_data["need"])
    if offer.organisation_id == need.organisation_id:
        raise Http404
    partners.introduce(
        request.user, form.cleaned_data["cluster"], need.organisation, offer.organisation
    )
    messages.success(
        request,
        _("%(need)s und %(offer)s sind einander vorgestellt; beide Seiten haben den Kontakt.")
        % {"need": need.organisation.name, "offer": offer.organisation.name},
    )
    return redirect("support:streams")
