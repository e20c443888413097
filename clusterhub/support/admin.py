from django.contrib import admin

from clusterhub.support.models import Availability, ClosedDay, Cohort, ConsultationOffer


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


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    """A programme opens a call here: its questions and scoring sheet are JSON lists."""

    list_display = ["name", "programme", "cluster", "deadline"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["reviewers"]
