"""Staff pages of the Digi-Pate: cases, their sessions, and introductions to specialists
suggested by the partner matching engine."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import staff_required
from clusterhub.core.forms import submit
from clusterhub.directory.access import organisations_visible_to
from clusterhub.support import mentoring
from clusterhub.support.access import get_mentoring_case_for_user, mentoring_cases_visible_to
from clusterhub.support.mentoring_forms import CaseForm, IntroduceForm, SessionForm
from clusterhub.support.models import MentoringCase


def _list_page(
    request: HttpRequest, form: CaseForm | None = None, status: int = 200
) -> HttpResponse:
    viewer = viewer_for(request.user)
    clusters = clusters_managed_by(viewer)
    if form is None and clusters.exists():
        form = CaseForm(
            organisations=organisations_visible_to(viewer), clusters=clusters, prefix="fall"
        )
    context = {"cases": mentoring_cases_visible_to(viewer), "case_form": form}
    return render(request, "support/mentoring_cases.html", context, status=status)


@staff_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request)


@staff_required
@require_POST
def case_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    clusters = clusters_managed_by(viewer)
    if not clusters.exists():
        raise PermissionDenied
    form = CaseForm(
        request.POST,
        organisations=organisations_visible_to(viewer),
        clusters=clusters,
        prefix="fall",
    )
    accepted = submit(
        form,
        lambda data: mentoring.open_case(
            request.user,
            mentoring.CaseData(mentor=request.user, **data),  # type: ignore[arg-type]
        ),
    )
    if accepted:
        messages.success(request, _("Der Fall ist angelegt."))
        return redirect("support:mentoring_case", pk=accepted.result.pk)
    return _list_page(request, form, status=400)


def _case_page(
    request: HttpRequest,
    case: MentoringCase,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = viewer_for(request.user)
    may_manage = mentoring.can_manage_case(viewer, case)
    forms = forms or {}
    if may_manage:
        forms.setdefault(
            "session_form", SessionForm(prefix="sitzung", initial={"stage": case.stage})
        )
        forms.setdefault(
            "introduce_form",
            IntroduceForm(organisations=organisations_visible_to(viewer), prefix="vorstellen"),
        )
    context = {
        "case": case,
        "sessions": case.sessions.all(),
        "introductions": case.introductions.select_related("specialist"),
        "suggestions": mentoring.specialist_suggestions(viewer, case) if may_manage else [],
        "may_manage": may_manage,
        **forms,
    }
    return render(request, "support/mentoring_case.html", context, status=status)


@staff_required
@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, get_mentoring_case_for_user(request.user, pk))


def _writable(request: HttpRequest, pk: int) -> MentoringCase:
    case = get_mentoring_case_for_user(request.user, pk)
    if not mentoring.can_manage_case(viewer_for(request.user), case):
        raise PermissionDenied
    return case


@staff_required
@require_POST
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _writable(request, pk)
    form = SessionForm(request.POST, prefix="sitzung")
    if submit(form, lambda data: mentoring.record_session(request.user, case, **data)):
        messages.success(request, _("Die Sitzung ist eingetragen."))
        return redirect("support:mentoring_case", pk=case.pk)
    return _case_page(request, case, {"session_form": form}, status=400)


@staff_required
@require_POST
def introduce(request: HttpRequest, pk: int) -> HttpResponse:
    case = _writable(request, pk)
    viewer = viewer_for(request.user)
    form = IntroduceForm(
        request.POST, organisations=organisations_visible_to(viewer), prefix="vorstellen"
    )
    introduced = submit(
        form, lambda data: mentoring.introduce_specialist(request.user, case, data["specialist"])
    )
    if introduced:
        messages.success(request, _("Vorgestellt; beide Seiten haben einen CRM-Eintrag."))
        return redirect("support:mentoring_case", pk=case.pk)
    return _case_page(request, case, {"introduce_form": form}, status=400)
