"""``manage.py run_periodic_jobs``: every periodic job that is due, once, then exit — for a
systemd timer, cron or the compose file's scheduler, once a minute (docs/deploy.md)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from clusterhub.core.periodic import JOBS, run_due_jobs


class Command(BaseCommand):
    help = "Führt jede fällige wiederkehrende Aufgabe einmal aus und endet (für Timer und cron)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="alle Aufgaben ausführen, auch nicht fällige"
        )
        parser.add_argument(
            "--only",
            action="append",
            choices=[job.command for job in JOBS],
            help="nur diese Aufgabe (mehrfach möglich)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = [job for job in JOBS if not options["only"] or job.command in options["only"]]
        outcomes = run_due_jobs(jobs, force=options["force"])
        for outcome in outcomes:
            state = "not due" if not outcome.ran else "ok" if outcome.succeeded else "FAILED"
            self.stdout.write(f"{outcome.command}: {state} {outcome.detail}".rstrip())
        failed = [outcome.command for outcome in outcomes if not outcome.succeeded]
        if failed:
            # A non-zero exit marks the run failed for the timer (systemctl --failed, cron mail).
            raise CommandError(f"failed: {', '.join(failed)}")
