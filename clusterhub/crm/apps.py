from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "clusterhub.crm"
    label = "crm"
