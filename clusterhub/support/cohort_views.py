"""Accelerator cohorts: the public call with its form, and the staff pages of a call (its
ranking, reviewers, decisions, milestones and mentoring sessions)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import staff_required
from clusterhub.core.forms import submit
from clusterhub.directory.access import organisations_visible_to
from clusterhub.support import cohorts
from clusterhub.support.access import (
    cohorts_visible_to,
    get_application_for_user,
    get_cohort_entry_for_user,
    get_cohort_for_user,
    get_public_cohort,
    reviewer_candidates,
)
from clusterhub.support.cohort_forms import (
    ApplicationForm,
    CallForm,
    DecisionForm,
    EntryForm,
    ReviewersForm,
    ReviewForm,
)
from clusterhub.support.models import Application, Cohort


@require_http_methods(["GET", "POST"])
def cohort_apply(request: HttpRequest, slug: str) -> HttpResponse:
    """The public call: its questions as a form; no account needed."""
    cohort = get_public_cohort(slug)
    form = ApplicationForm(request.POST or None, questions=list(cohort.questions))
    refusal = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = cohorts.ApplicationData(
                organisation_name=form.cleaned_data["organisation_name"],
                contact_name=form.cleaned_data["contact_name"],
                email=form.cleaned_data["email"],
                answers=form.answers(),
                language=get_language(),
            )
            try:
                cohorts.apply(cohort, data)
            except cohorts.ApplicationRefused as error:
                refusal, status = str(error), 409
            else:
                return render(request, "support/cohort_applied.html", {"cohort": cohort})
        else:
            status = 400
    context = {
        "cohort": cohort,
        "form": form,
        "refusal": refusal,
        "is_open": cohorts.is_open(cohort),
    }
    return render(request, "support/cohort_apply.html", context, status=status)


def _call_data(data: dict[str, Any]) -> cohorts.CallData:
    return cohorts.CallData(
        programme=data["programme"],
        name=data["name"],
        slug=data["slug"],
        cluster=data["cluster"],
        deadline=data["deadline"],
        questions=data["questions"],
        criteria=data["criteria"],
        description=data["description"],
    )


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_list(request: HttpRequest) -> HttpResponse:
    """Every call with its counts (no applicant is named here); managers open a new call
    (POST)."""
    viewer = viewer_for(request.user)
    clusters = clusters_managed_by(viewer)
    if request.method == "POST" and not clusters.exists():
        raise PermissionDenied
    form = CallForm(request.POST or None, clusters=clusters, prefix="aufruf")
    status = 200
    if request.method == "POST":
        accepted = submit(form, lambda data: cohorts.open_call(request.user, _call_data(data)))
        if accepted:
            messages.success(request, _("Die Ausschreibung ist geöffnet."))
            return redirect("support:cohort", slug=accepted.result.slug)
        status = 400
    rows = cohorts_visible_to(viewer).annotate(
        submitted=Count("applications"),
        accepted=Count("applications", filter=Q(applications__status="accepted")),
    )
    context = {"cohorts": rows, "form": form if clusters.exists() else None}
    return render(request, "support/cohorts.html", context, status=status)


def _cohort_page(
    request: HttpRequest,
    cohort: Cohort,
    entry_form: EntryForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = viewer_for(request.user)
    may_manage = cohorts.can_manage_cohort(viewer, cohort)
    sees_applicants = may_manage or cohorts.is_reviewer(viewer, cohort)
    counts = {
        status_value: cohort.applications.filter(status=status_value).count()
        for status_value in Application.Status.values
    }
    context = {
        "cohort": cohort,
        "may_manage": may_manage,
        "sees_applicants": sees_applicants,
        "counts": counts,
        "total": sum(counts.values()),
        "ranking": cohorts.ranking(cohort) if sees_applicants else [],
        "members": cohorts.members(cohort) if sees_applicants else [],
        "entries": cohort.entries.all(),
        "reviewers": cohort.reviewers.all(),
        "is_open": cohorts.is_open(cohort),
    }
    if may_manage:
        context["reviewers_form"] = ReviewersForm(
            initial={"reviewers": list(cohort.reviewers.all())},
            candidates=reviewer_candidates(),
            prefix="gutachtende",
        )
        context["entry_form"] = entry_form or EntryForm(prefix="termin")
    return render(request, "support/cohort.html", context, status=status)


@staff_required
@require_GET
def cohort_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _cohort_page(request, get_cohort_for_user(request.user, slug))


def _managed_cohort(request: HttpRequest, slug: str) -> Cohort:
    cohort = get_cohort_for_user(request.user, slug)
    if not cohorts.can_manage_cohort(viewer_for(request.user), cohort):
        raise PermissionDenied
    return cohort


@staff_required
@require_POST
def cohort_reviewers(request: HttpRequest, slug: str) -> HttpResponse:
    cohort = _managed_cohort(request, slug)
    form = ReviewersForm(request.POST, candidates=reviewer_candidates(), prefix="gutachtende")
    if form.is_valid():
        try:
            cohorts.assign_reviewers(request.user, cohort, list(form.cleaned_data["reviewers"]))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Die Gutachtenden sind gespeichert."))
    else:
        messages.error(request, _("Bitte wählen Sie Gutachtende aus der Liste."))
    return redirect("support:cohort", slug=slug)


@staff_required
@require_POST
def cohort_entry_add(request: HttpRequest, slug: str) -> HttpResponse:
    cohort = _managed_cohort(request, slug)
    form = EntryForm(request.POST, prefix="termin")
    if not form.is_valid():
        return _cohort_page(request, cohort, entry_form=form, status=400)
    data = form.cleaned_data
    cohorts.add_entry(request.user, cohort, data["kind"], data["day"], data["title"])
    messages.success(request, _("Eingetragen."))
    return redirect("support:cohort", slug=slug)


@staff_required
@require_POST
def cohort_entry_done(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_cohort_entry_for_user(request.user, pk)
    if not cohorts.can_manage_cohort(viewer_for(request.user), entry.cohort):
        raise PermissionDenied
    cohorts.set_entry_done(request.user, entry, request.POST.get("done") == "1")
    return redirect("support:cohort", slug=entry.cohort.slug)


def _application_page(
    request: HttpRequest,
    application: Application,
    review_form: ReviewForm | None = None,
    decision_form: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = viewer_for(request.user)
    cohort = application.cohort
    own = cohorts.own_review(application, request.user)
    is_reviewer = cohorts.is_reviewer(viewer, cohort)
    may_manage = cohorts.can_manage_cohort(viewer, cohort)
    undecided = application.status == Application.Status.SUBMITTED
    may_review = is_reviewer and undecided and not (own and own.conflict_of_interest)
    if may_review and review_form is None:
        initial = {"conflict": "no", "comment": own.comment} if own else {}
        for key, value in (own.scores if own else {}).items():
            initial[f"score_{key}"] = str(value)
        review_form = ReviewForm(initial=initial, criteria=list(cohort.criteria))
    if may_manage and undecided and decision_form is None:
        decision_form = DecisionForm(organisations=organisations_visible_to(viewer))
    context = {
        "application": application,
        "cohort": cohort,
        "own": own,
        "reviews": application.reviews.select_related("reviewer") if may_manage else [],
        "review_form": review_form if may_review else None,
        "decision_form": decision_form if may_manage and undecided else None,
    }
    return render(request, "support/cohort_application.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An application with the reviewer's scoring sheet (POST saves the sheet)."""
    application = get_application_for_user(request.user, pk)
    if request.method != "POST":
        audit.record_view(request.user, application)  # a founder's data was read
        return _application_page(request, application)
    if not cohorts.is_reviewer(viewer_for(request.user), application.cohort):
        raise PermissionDenied
    form = ReviewForm(request.POST, criteria=list(application.cohort.criteria))
    review = submit(
        form,
        lambda data: cohorts.submit_review(
            request.user,
            application,
            cohorts.ReviewData(
                conflict_of_interest=data["conflict"] == "yes",
                scores=form.scores(),
                comment=data["comment"],
            ),
        ),
    )
    if review:
        messages.success(request, _("Ihre Bewertung ist gespeichert."))
        return redirect("support:cohort", slug=application.cohort.slug)
    return _application_page(request, application, review_form=form, status=400)


@staff_required
@require_POST
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    viewer = viewer_for(request.user)
    if not cohorts.can_manage_cohort(viewer, application.cohort):
        raise PermissionDenied
    form = DecisionForm(request.POST, organisations=organisations_visible_to(viewer))
    decided = submit(
        form,
        lambda data: cohorts.decide(
            request.user,
            application,
            accept=data["decision"] == "accept",
            organisation=data["organisation"],
        ),
    )
    if decided:
        accept = form.cleaned_data["decision"] == "accept"
        messages.success(
            request,
            _("Aufgenommen; die Zusage ist unterwegs.")
            if accept
            else _("Abgelehnt; die Absage ist unterwegs."),
        )
        return redirect("support:cohort", slug=application.cohort.slug)
    return _application_page(request, application, decision_form=form, status=400)
