"""Periodic event work (cron or a loop beside the worker): expire offers, reminders, retries."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from clusterhub.events import mails, services


class Command(BaseCommand):
    help = "Gibt abgelaufene Platzangebote weiter, plant Erinnerungen und wiederholt Mails."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.expire_offers()
        reminders = services.queue_due_reminders()
        with transaction.atomic():
            retried = mails.retry_pending_mails()
        self.stdout.write(
            f"expired offers: {expired}, reminders queued: {reminders}, mails retried: {retried}"
        )
