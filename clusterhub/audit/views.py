from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.audit.display import describe
from clusterhub.audit.forms import AuditFilterForm
from clusterhub.audit.queries import AuditFilter, audit_page
from clusterhub.core.decorators import admin_required


def _filter_from(form: AuditFilterForm) -> AuditFilter:
    if not form.is_valid():
        return AuditFilter()
    data = form.cleaned_data
    return AuditFilter(
        actor_id=data["actor"].pk if data.get("actor") else None,
        object_type=data.get("kind") or "",
        object=data.get("object") or "",
        action=data.get("action") or "",
        since=data.get("since"),
        until=data.get("until"),
    )


@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    page = audit_page(_filter_from(form), request.GET.get("page"))
    context = {"form": form, "page": page, "entries": describe(page.object_list)}
    return render(request, "audit/log.html", context)
