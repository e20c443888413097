from django.contrib import admin

from clusterhub.crm.models import FollowUp, Interaction

admin.site.register([Interaction, FollowUp])
