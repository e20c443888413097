"""Partner pages: thin views that parse, pass through access checks, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.decorators import staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.access import get_organisation_for_user
from clusterhub.directory.models import Organisation
from clusterhub.partners import queries, services
from clusterhub.partners.access import can_give_feedback, can_introduce, introduction_clusters
from clusterhub.partners.forms import IntroductionForm, NeedSearchForm, SuggestionFilterForm


def _filter_from(form: SuggestionFilterForm) -> queries.SuggestionFilter:
    if not form.is_valid():
        return queries.SuggestionFilter()
    data = form.cleaned_data
    return queries.SuggestionFilter(
        cluster_id=data["cluster"].pk if data.get("cluster") else None,
        kind=data.get("kind") or "",
        city=(data.get("city") or "").strip(),
    )


def render_panel(request: HtmxHttpRequest, organisation: Organisation) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = SuggestionFilterForm(request.GET or None)
    context = {
        "organisation": organisation,
        "form": form,
        "suggestions": queries.partner_suggestions(viewer, organisation, _filter_from(form)),
        "can_give_feedback": can_give_feedback(viewer),
        "can_introduce": can_introduce(viewer),
        "need_form": NeedSearchForm(),
    }
    if request.htmx:
        return render(request, "partners/partials/panel.html", context)
    return render(request, "partners/organisation_partners.html", context)


@staff_required
def organisation_partners(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The "Passende Partner" panel: loaded into the organisation page, or as its own page."""
    return render_panel(request, get_organisation_for_user(request.user, pk))


@staff_required
@require_POST
def suggestion_feedback(request: HtmxHttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    partner = get_organisation_for_user(request.user, partner_pk)
    if not can_give_feedback(viewer_for(request.user)):
        raise PermissionDenied
    useful = request.POST.get("useful") == "1"
    services.record_feedback(request.user, organisation, partner, useful=useful)
    if request.htmx:
        return render_panel(request, organisation)
    if useful:
        messages.success(request, _("Danke – der Vorschlag bleibt oben."))
    else:
        messages.success(request, _("Danke – der Vorschlag wird nicht mehr angezeigt."))
    return redirect("partners:organisation_partners", pk=organisation.pk)


@staff_required
def introduce(request: HtmxHttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    if not can_introduce(viewer):
        raise PermissionDenied
    organisation = get_organisation_for_user(request.user, pk)
    partner = get_organisation_for_user(request.user, partner_pk)
    clusters = introduction_clusters(viewer)
    posted_cluster = request.POST.get("cluster", "")
    if posted_cluster.isdigit() and not clusters.filter(pk=int(posted_cluster)).exists():
        # Naming a cluster one does not manage is not a typo to correct but a refusal.
        raise PermissionDenied
    form = IntroductionForm(request.POST or None, clusters=clusters)
    context = {"organisation": organisation, "partner": partner, "form": form}
    if request.method == "POST" and form.is_valid():
        introduction, mail = services.introduce(
            request.user, form.cleaned_data["cluster"], organisation, partner
        )
        messages.success(request, _("Die Vorstellung wurde bei beiden Organisationen vermerkt."))
        return render(
            request,
            "partners/introduction_done.html",
            {**context, "introduction": introduction, "mail": mail},
        )
    context["mail"] = services.draft_introduction_mail(organisation, partner)
    return render(request, "partners/introduction_form.html", context)


@staff_required
def need_search(request: HtmxHttpRequest) -> HttpResponse:
    """Free-text need: "Wer kann helfen bei …"."""
    viewer = viewer_for(request.user)
    form = NeedSearchForm(request.GET or None)
    need = form.cleaned_data.get("q", "") if form.is_valid() else ""
    context = {
        "form": form,
        "need": need,
        "suggestions": queries.need_suggestions(viewer, need, _filter_from(form)),
    }
    if request.htmx:
        return render(request, "partners/partials/need_results.html", context)
    return render(request, "partners/need_search.html", context)
