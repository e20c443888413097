"""Import pages: upload, column mapping with preview and validation, progress and report,
decisions on held rows, the refused rows as a file to fix and re-upload."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.background import enqueue_on_commit
from clusterhub.core.decorators import require_viewer
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.imports import services
from clusterhub.imports.access import (
    can_import,
    clusters_to_import_into,
    get_held_row_for_user,
    get_run_for_user,
    runs_visible_to,
)
from clusterhub.imports.cleaning import shown
from clusterhub.imports.forms import DecisionForm, MappingForm, UploadForm
from clusterhub.imports.models import ImportRun
from clusterhub.imports.reading import ReadError

PREVIEW_ROWS = 10
SHOWN_ERRORS = 200
importer_required = require_viewer(can_import)


def _upload_form(request: HtmxHttpRequest) -> UploadForm:
    viewer = viewer_for(request.user)
    return UploadForm(
        request.POST or None,
        request.FILES or None,
        clusters=clusters_to_import_into(viewer),
        cluster_required=not viewer.is_admin,
    )


@importer_required
def start(request: HtmxHttpRequest) -> HttpResponse:
    form = _upload_form(request)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = services.start_run(
                request.user, form.cleaned_data["kind"], form.cleaned_data["cluster"],
                upload.name, upload.read(),
            )  # fmt: skip
        except ReadError as error:
            form.add_error("file", str(error))
        else:
            return redirect("imports:mapping", pk=run.pk)
    runs = runs_visible_to(viewer_for(request.user)).select_related("cluster")[:20]
    status = 400 if request.method == "POST" else 200
    return render(request, "imports/start.html", {"form": form, "runs": runs}, status=status)


@importer_required
def mapping(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    run = get_run_for_user(request.user, pk)
    if run.status != ImportRun.Status.UPLOADED:
        return redirect("imports:run", pk=run.pk)
    try:
        table = services.load_table(run)
    except ReadError as error:
        messages.error(request, str(error))
        return redirect("imports:start")
    form = MappingForm(
        request.POST or None, kind=run.kind, header=table.header, initial_mapping=run.mapping
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_mapping(request.user, run, form.mapping(), table)
        except ReadError as error:
            form.add_error(None, str(error))
        else:
            if "import" in request.POST:
                return _start_import(run)
    rows = services.clean_rows(run, table)
    errors = [(row.line, column, text) for row in rows for column, text in row.errors]
    context = {
        "run": run,
        "form": form,
        "labels": [str(field.label) for field in form],
        "preview": [
            (row, [shown(name, row.values.get(name)) for name in form.fields])
            for row in rows[:PREVIEW_ROWS]
        ],
        "errors": errors[:SHOWN_ERRORS],
        "error_count": len(errors),
        "bad_rows": sum(1 for row in rows if not row.ok),
    }
    return render(request, "imports/mapping.html", context)


def _start_import(run: ImportRun) -> HttpResponse:
    """Small files at once; from CLUSTERHUB_IMPORT_BACKGROUND_ROWS rows in the worker."""
    if run.total_rows >= settings.CLUSTERHUB_IMPORT_BACKGROUND_ROWS:
        run.status = ImportRun.Status.QUEUED
        run.save(update_fields=["status"])
        enqueue_on_commit("clusterhub.imports.tasks.run_import", run.pk)
    else:
        services.execute_run(run)
    return redirect("imports:run", pk=run.pk)


@importer_required
def run_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    run = get_run_for_user(request.user, pk)
    active = run.status in {ImportRun.Status.QUEUED, ImportRun.Status.RUNNING}
    context = {"run": run, "active": active, "held_rows": run.held_rows.all()}
    if request.htmx:
        return render(request, "imports/partials/run_status.html", context)
    return render(request, "imports/run.html", context)


@importer_required
def refused_rows(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    run = get_run_for_user(request.user, pk)
    if not run.refused_file:
        raise Http404
    with default_storage.open(run.refused_file, "rb") as stream:
        response = HttpResponse(stream.read(), content_type="text/csv; charset=utf-8")
    name = run.file_name.rsplit(".", 1)[0] + "-" + _("abgelehnt") + ".csv"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


@require_POST
@importer_required
def decide(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    held = get_held_row_for_user(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    held = services.decide_held_row(
        request.user, held, merge_into_id=form.cleaned_data.get("merge_into")
    )
    if held.decision == held.Decision.MERGED:
        messages.success(request, _("Zeile %(line)s wurde zusammengeführt.") % {"line": held.line})
    else:
        messages.success(request, _("Zeile %(line)s wurde neu angelegt.") % {"line": held.line})
    return redirect("imports:run", pk=held.run_id)
