from __future__ import annotations

from django.core.paginator import Page, Paginator

from clusterhub.audit.models import AuditEntry


def audit_page(object_type: str, object_id: str, page_number: str | None) -> Page[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    return Paginator(entries, 50).get_page(page_number)
