from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.audit.queries import audit_page
from clusterhub.core.decorators import admin_required


@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    object_type = request.GET.get("type", "")
    object_id = request.GET.get("id", "")
    page = audit_page(object_type, object_id, request.GET.get("page"))
    return render(
        request,
        "audit/log.html",
        {"page": page, "object_type": object_type, "object_id": object_id},
    )
