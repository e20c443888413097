"""``manage.py run_project_jobs``: the periodic work of the projects (cron, daily, beside
``run_event_jobs``): owe the deadline reminders; the outbox's worker sends them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from clusterhub.projects import deadlines


class Command(BaseCommand):
    help = "Owe the deadline reminders of projects that target a call (4 and 1 weeks before)."

    def handle(self, *args: Any, **options: Any) -> None:
        owed = deadlines.owe_deadline_reminders(timezone.localdate())
        self.stdout.write(f"{owed} deadline reminders owed")
