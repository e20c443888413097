from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "clusterhub.demo"
    label = "demo"
