"""Project pages: list with export, a project, its form, the pipeline boards, stage moves."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from openpyxl import Workbook

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.clusters.access import get_cluster_for_slug
from clusterhub.core.decorators import require_viewer, staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.projects import queries, services
from clusterhub.projects.access import (
    can_create_projects,
    can_edit_project,
    clusters_for_projects,
    get_project_for_user,
    projects_visible_to,
)
from clusterhub.projects.forms import (
    CallLinkForm,
    DocumentForm,
    MilestoneForm,
    MoveForm,
    NoteForm,
    PartnerForm,
    ProjectFilterForm,
    ProjectForm,
)
from clusterhub.projects.models import Project
from clusterhub.projects.stages import Stage, allowed_moves

creator_required = require_viewer(can_create_projects)
reader_required = require_viewer(lambda v: v.is_agency_staff or v.is_member_editor)


@staff_required
def project_list(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = ProjectFilterForm(request.GET or None)
    filters = queries.ProjectFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.ProjectFilter(
            q=data["q"].strip(), stage=data["stage"], cluster=data["cluster"], theme=data["theme"]
        )
    projects = queries.filtered_projects(viewer, filters)
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        return _export(request, list(projects), export)
    context = {"form": form, "projects": projects, "can_create": can_create_projects(viewer)}
    if request.htmx:
        return render(request, "projects/partials/project_table.html", context)
    return render(request, "projects/project_list.html", context)


def _export(request: HtmxHttpRequest, projects: list[Project], kind: str) -> HttpResponse:
    rows: list[list[object]] = [list(queries.export_header()), *queries.export_rows(projects)]
    if projects:
        audit.record_export(request.user, projects[0], list_name="projects", rows=len(projects))
    if kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="projekte.csv"'
        return response
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Projekte"
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    response = HttpResponse(
        data.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="projekte.xlsx"'
    return response


def _edit(request: HtmxHttpRequest, project: Project | None) -> HttpResponse:
    viewer = viewer_for(request.user)
    clusters = clusters_for_projects(viewer)
    form = ProjectForm(request.POST or None, instance=project, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        unsaved: Project = form.save(commit=False)
        if project is None and unsaved.owner_id is None:
            unsaved.owner_id = viewer.user_id
        saved = services.save_project(
            request.user, unsaved, form.cleaned_data["themes"], form.cleaned_data["clusters"]
        )
        messages.success(request, _("Das Projekt wurde gespeichert."))
        return redirect("projects:detail", pk=saved.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@creator_required
@require_http_methods(["GET", "POST"])
def project_create(request: HtmxHttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_project_for_user(request.user, pk, write=True))


def project_context(request: HtmxHttpRequest, project: Project) -> dict[str, object]:
    viewer = viewer_for(request.user)
    editable = can_edit_project(viewer, project)
    return {
        "project": project,
        "editable": editable,
        "is_staff": viewer.is_agency_staff,
        "moves": [(s, Stage(s).label) for s in allowed_moves(project.stage)] if editable else [],
        "stage_label": Stage(project.stage).label,
        "partners": project.participations.select_related("organisation", "contact"),
        "milestones": project.milestones.select_related("owner"),
        "documents": project.documents.all(),
        "timeline": project.timeline.select_related("author")[:50],
        "partner_form": PartnerForm() if editable else None,
        "milestone_form": MilestoneForm() if editable else None,
        "document_form": DocumentForm() if editable else None,
        "note_form": NoteForm() if editable else None,
        "call_form": CallLinkForm(initial={"call": project.call_id}) if editable else None,
    }


@reader_required
def project_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_user(request.user, pk)
    return render(request, "projects/project_detail.html", project_context(request, project))


@reader_required
def my_projects(request: HtmxHttpRequest) -> HttpResponse:
    """The projects the member editor's organisation takes part in (staff: all of them)."""
    projects = (
        projects_visible_to(viewer_for(request.user))
        .select_related("consortium", "call")
        .order_by("title", "pk")
    )
    return render(request, "projects/my_projects.html", {"projects": projects})


@staff_required
def board(request: HtmxHttpRequest, slug: str = "") -> HttpResponse:
    cluster = get_cluster_for_slug(slug) if slug else None
    columns = queries.board(viewer_for(request.user), cluster)
    context = {"columns": columns, "cluster": cluster}
    if request.htmx:
        return render(request, "projects/partials/board_columns.html", context)
    return render(request, "projects/board.html", context)


@staff_required
@require_POST
def project_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A stage move from the board or the project page; the same checks as the form."""
    project = get_project_for_user(request.user, pk, write=True)
    form = MoveForm(request.POST)
    error = ""
    if not form.is_valid():
        error = _("Diese Phase gibt es nicht.")
    else:
        try:
            services.move_project(request.user, project, form.cleaned_data["stage"])
        except services.StageRefused as refused:
            error = str(refused)
    slug = request.POST.get("board", "")
    if request.htmx and "board" in request.POST:
        cluster = get_cluster_for_slug(slug) if slug else None
        context = {
            "columns": queries.board(viewer_for(request.user), cluster),
            "cluster": cluster,
            "error": error,
            "moved": project.pk,
        }
        return render(request, "projects/partials/board_columns.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Die Phase wurde geändert."))
    if "board" in request.POST:
        return redirect("projects:cluster_board", slug=slug) if slug else redirect("projects:board")
    return redirect("projects:detail", pk=project.pk)
