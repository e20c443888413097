from django.contrib import admin

from clusterhub.clusters.models import Cluster


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    filter_horizontal = ["managers", "focus_themes"]
