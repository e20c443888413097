from django.contrib import admin

from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "status", "listed_publicly"]
    list_filter = ["kind", "status", "listed_publicly"]
    search_fields = ["name", "city"]
    filter_horizontal = ["themes"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email"]
    search_fields = ["last_name", "first_name", "email"]


admin.site.register([Membership, Affiliation, Consent])
