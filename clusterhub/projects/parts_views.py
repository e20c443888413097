"""The parts of a project page that are written on their own: partners, milestones,
documents, notes and the call it targets. Each answers with the project page again (with
the form's errors) or a redirect to it."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import require_viewer, staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.projects import services
from clusterhub.projects.access import get_document_for_user, get_project_for_user
from clusterhub.projects.forms import (
    CallLinkForm,
    DocumentForm,
    MilestoneForm,
    NoteForm,
    PartnerForm,
)
from clusterhub.projects.models import Project
from clusterhub.projects.views import project_context

reader_required = require_viewer(lambda v: v.is_agency_staff or v.is_member_editor)


def _write(
    request: HtmxHttpRequest,
    pk: int,
    form_class: type[forms.Form],
    context_name: str,
    write: Callable[[Project, dict[str, object]], str],
) -> HttpResponse:
    project = get_project_for_user(request.user, pk, write=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        problem = write(project, form.cleaned_data)
        if not problem:
            messages.success(request, _("Gespeichert."))
            return redirect("projects:detail", pk=project.pk)
        form.add_error(None, problem)
    context = project_context(request, project)
    context[context_name] = form
    return render(request, "projects/project_detail.html", context, status=400)


@staff_required
@require_POST
def partner_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    def write(project: Project, data: dict[str, object]) -> str:
        services.add_partner(
            request.user,
            project,
            data["organisation"],  # type: ignore[arg-type]
            str(data["role"]),
            data.get("contact"),  # type: ignore[arg-type]
        )
        return ""

    return _write(request, pk, PartnerForm, "partner_form", write)


@staff_required
@require_POST
def milestone_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    def write(project: Project, data: dict[str, object]) -> str:
        owner = data.get("owner")
        services.add_milestone(
            request.user,
            project,
            str(data["title"]),
            data["due_on"],  # type: ignore[arg-type]
            getattr(owner, "pk", None),
        )
        return ""

    return _write(request, pk, MilestoneForm, "milestone_form", write)


@staff_required
@require_POST
def document_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    def write(project: Project, data: dict[str, object]) -> str:
        upload = data["file"]
        problem = services.document_problem(upload)  # type: ignore[arg-type]
        if problem:
            return problem
        services.add_document(request.user, project, upload)  # type: ignore[arg-type]
        return ""

    return _write(request, pk, DocumentForm, "document_form", write)


@staff_required
@require_POST
def note_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    def write(project: Project, data: dict[str, object]) -> str:
        services.add_note(request.user, project, str(data["text"]))
        return ""

    return _write(request, pk, NoteForm, "note_form", write)


@staff_required
@require_POST
def call_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    def write(project: Project, data: dict[str, object]) -> str:
        services.link_call(request.user, project, data.get("call"))  # type: ignore[arg-type]
        return ""

    return _write(request, pk, CallLinkForm, "call_form", write)


@reader_required
def document_download(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk)
    response: HttpResponse = FileResponse(  # type: ignore[assignment]
        document.file.open("rb"), as_attachment=True, filename=document.name
    )
    return response
