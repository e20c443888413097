from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The JSON API: public data for anyone, the back office for staff behind personal tokens.
    It sits above the registry and the events app and reaches them only through their access
    doors and services, like the pages do."""

    name = "clusterhub.api"
    label = "api"
