from django.contrib import admin

from clusterhub.accounts.models import Account

admin.site.register(Account)
