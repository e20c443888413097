from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Every list a user can filter, out as CSV, XLSX, vCard or iCalendar: exactly the rows
    and columns that user may see, audited, large ones written in the background."""

    name = "clusterhub.exports"
    label = "exports"
