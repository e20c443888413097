"""Which call for whom: suggestions on the call page, the project page and for an
organisation; following a call's deadlines and the personal iCalendar feed."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.calls.access import get_call_for_user
from clusterhub.core.decorators import staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.access import get_organisation_for_user
from clusterhub.events.conf import site_url
from clusterhub.projects import deadlines, fit, services
from clusterhub.projects.access import follows_of, get_project_for_user


@staff_required
def call_fit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """For a call: suited organisations with reasons, fitting projects and the partner kinds
    they lack. ``?project=`` narrows it to one project (its partners left out)."""
    call = get_call_for_user(request.user, pk)
    viewer = viewer_for(request.user)
    project = None
    if request.GET.get("project", "").isdigit():
        project = get_project_for_user(request.user, int(request.GET["project"]))
    suggestions = fit.organisations_for_call(viewer, call, limit=20)
    items = list(suggestions.items)
    if project is not None:
        partner_ids = set(project.participations.values_list("organisation_id", flat=True))
        items = [item for item in items if item.organisation.pk not in partner_ids]
        project_fits = [fit.ProjectFit(project, [], fit.missing_partner_kinds(call, project))]
    else:
        project_fits = fit.projects_for_call(viewer, call)
    context = {
        "call": call,
        "project": project,
        "organisations": items[:12],
        "index_ready": suggestions.index_ready,
        "project_fits": project_fits,
        "following": follows_of(viewer).filter(call=call).exists(),
    }
    template = "projects/partials/call_fit.html" if request.htmx else "projects/call_fit.html"
    return render(request, template, context)


@staff_required
def organisation_calls(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    fits = fit.calls_for_text(fit.organisation_text(organisation), timezone.localdate())
    return render(
        request,
        "projects/organisation_calls.html",
        {"organisation": organisation, "fits": fits},
    )


@staff_required
def project_calls(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(request.user, pk)
    fits = fit.calls_for_text(fit.project_text(project), timezone.localdate())
    return render(request, "projects/partials/call_list.html", {"fits": fits, "project": project})


@staff_required
@require_POST
def call_follow(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk)
    services.set_follow(request.user, call, request.POST.get("follow") == "1")
    return redirect("calls:detail", pk=call.pk)


@staff_required
def my_deadlines(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    assert viewer.user_id is not None
    token = deadlines.feed_token(viewer.user_id)
    follows = follows_of(viewer)
    return render(
        request,
        "projects/my_deadlines.html",
        {
            "feed_url": site_url() + reverse("projects:deadline_feed", args=[token]),
            "follows": follows,
        },
    )


def deadline_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The personal feed, opened by a calendar app with the signed link (no login)."""
    user_id = deadlines.user_for_feed_token(token)
    if user_id is None:
        raise Http404
    return HttpResponse(deadlines.deadline_feed(user_id), content_type="text/calendar")
