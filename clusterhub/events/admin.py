"""Django admin for superusers (creating formats and events until staff edit forms exist)."""

from django.contrib import admin

from clusterhub.events.models import Event, EventMail, Format, Registration


@admin.register(Format)
class FormatAdmin(admin.ModelAdmin[Format]):
    list_display = ["name", "recurrence", "default_capacity"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["clusters"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin[Event]):
    list_display = ["title", "starts_at", "capacity", "audience", "status"]
    list_filter = ["status", "audience", "format"]
    filter_horizontal = ["clusters", "themes"]
    date_hierarchy = "starts_at"


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin[Registration]):
    list_display = ["__str__", "person", "event", "status", "waitlist_position", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["event", "person", "organisation", "consent"]
    readonly_fields = ["token"]


@admin.register(EventMail)
class EventMailAdmin(admin.ModelAdmin[EventMail]):
    list_display = ["registration", "kind", "sent_at", "attempts", "skipped"]
    list_filter = ["kind", "skipped"]
    raw_id_fields = ["registration"]
