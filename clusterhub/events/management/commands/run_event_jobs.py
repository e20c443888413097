"""Periodic event work (cron or a loop beside the worker): expire offers, reminders, feedback
requests after events, retries."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from clusterhub.events import feedback, outbox, services


class Command(BaseCommand):
    help = (
        "Gibt abgelaufene Platzangebote weiter, plant Erinnerungen und Bitten um Rückmeldung "
        "und wiederholt Mails."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        expired = services.expire_offers()
        reminders = services.queue_due_reminders()
        feedback_requests = feedback.queue_feedback_requests()
        with transaction.atomic():
            retried = outbox.retry_pending_mails()
        self.stdout.write(
            f"expired offers: {expired}, reminders queued: {reminders}, "
            f"feedback requests queued: {feedback_requests}, mails retried: {retried}"
        )
