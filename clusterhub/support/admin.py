from django.contrib import admin

from clusterhub.support.models import Availability, ClosedDay, ConsultationOffer


class AvailabilityInline(admin.TabularInline):
    model = Availability
    extra = 0


@admin.register(ConsultationOffer)
class ConsultationOfferAdmin(admin.ModelAdmin):
    list_display = ["name", "cluster", "duration_minutes", "active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["advisers"]
    inlines = [AvailabilityInline]


@admin.register(ClosedDay)
class ClosedDayAdmin(admin.ModelAdmin):
    list_display = ["adviser", "day", "reason"]
