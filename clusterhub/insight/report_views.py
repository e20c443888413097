"""Annual reports: ask for one, watch its progress, download it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.insight import services
from clusterhub.insight.access import (
    get_report_for_user,
    insight_clusters_visible_to,
    is_leadership,
    reports_visible_to,
)
from clusterhub.insight.forms import ReportForm
from clusterhub.insight.models import Report
from clusterhub.insight.views import insight_required

CONTENT_TYPES: dict[str, str] = {
    Report.Format.PDF: "application/pdf",
    Report.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@insight_required
def reports(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    clusters = insight_clusters_visible_to(viewer)
    leadership = is_leadership(viewer)
    if request.method == "POST":
        form = ReportForm(request.POST, clusters=clusters, leadership=leadership)
        if form.is_valid():
            report = services.request_report(
                request.user,
                cluster=form.cleaned_data["cluster"],
                year=form.cleaned_data["year"],
                file_format=form.cleaned_data["file_format"],
                language=form.cleaned_data["language"],
            )
            return redirect("insight:report", report.pk)
    else:
        initial = {"cluster": request.GET.get("cluster"), "language": request.LANGUAGE_CODE}
        form = ReportForm(initial=initial, clusters=clusters, leadership=leadership)
    context = {"form": form, "reports": reports_visible_to(viewer)[:20]}
    return render(request, "insight/reports.html", context, status=400 if form.errors else 200)


@insight_required
def report_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(viewer_for(request.user), pk)
    template = "insight/partials/report_status.html" if request.htmx else "insight/report.html"
    return render(request, template, {"report": report})


@insight_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(viewer_for(request.user), pk)
    if report.status != Report.Status.DONE or report.content is None:
        return redirect("insight:report", report.pk)
    services.note_report_download(request.user, report)
    name = report.cluster.slug if report.cluster else _("wirtschaftsfoerderung")
    response = HttpResponse(bytes(report.content), content_type=CONTENT_TYPES[report.file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="{_("jahresbericht")}-{name}-{report.year}.{report.file_format}"'
    )
    return response
