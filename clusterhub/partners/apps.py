from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "clusterhub.partners"
    label = "partners"
