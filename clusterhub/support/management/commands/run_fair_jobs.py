"""Periodic work of the joint trade-fair stands (cron, daily): owe the reminders of the
logistics deadlines whose reminder day has come."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from clusterhub.support import fairs


class Command(BaseCommand):
    help = "Plant Erinnerungen an die Fristen der Gemeinschaftsstände (Standbau, Katalog …)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"fair deadline reminders queued: {fairs.queue_due_reminders()}")
