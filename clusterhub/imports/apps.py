from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Bringing organisations, people and memberships in from CSV and XLSX files, with the
    rows that probably are an existing organisation held for the user's decision."""

    name = "clusterhub.imports"
    label = "imports"
