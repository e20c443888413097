from django.contrib import admin

from clusterhub.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_id", "object_repr"]
    list_filter = ["action", "object_type"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the log is append-only
