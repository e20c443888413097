from django.contrib import admin

from clusterhub.taxonomy.models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["label_de", "label_en", "scheme", "broader"]
    list_filter = ["scheme"]
