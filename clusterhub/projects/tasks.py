"""Background work of the projects: the deadline reminders (run daily)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from clusterhub.projects import deadlines


@task()
def owe_deadline_reminders() -> int:
    return deadlines.owe_deadline_reminders(timezone.localdate())
