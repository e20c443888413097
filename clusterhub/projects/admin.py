from django.contrib import admin

from clusterhub.projects.models import Participation, Project

admin.site.register([Project, Participation])
