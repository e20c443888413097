"""``manage.py run_periodic_jobs``: every periodic job that is due, once, then exit — for a
systemd timer or cron, once a minute (docs/deploy.md). ``--repeat SECONDS`` keeps it running
and starts a round every SECONDS instead, for where no timer exists (the compose file's
scheduler, ``scripts/serve_demo.sh``); the database decides what is due either way."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

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
        parser.add_argument(
            "--repeat",
            type=float,
            metavar="SECONDS",
            help="nicht enden, sondern alle SECONDS Sekunden eine neue Runde (ohne Timer)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["repeat"] is None:
            self.run_round(options)
            return
        while True:
            started = time.monotonic()
            try:
                self.run_round(options)
            except CommandError as error:
                # Already logged with its traceback; the next round tries again.
                self.stderr.write(str(error))
            # A long round (a rebuild) must not keep a connection the database has dropped.
            connections.close_all()
            time.sleep(max(0.0, options["repeat"] - (time.monotonic() - started)))

    def run_round(self, options: dict[str, Any]) -> None:
        jobs = [job for job in JOBS if not options["only"] or job.command in options["only"]]
        outcomes = run_due_jobs(jobs, force=options["force"])
        for outcome in outcomes:
            state = "not due" if not outcome.ran else "ok" if outcome.succeeded else "FAILED"
            self.stdout.write(f"{outcome.command}: {state} {outcome.detail}".rstrip())
        failed = [outcome.command for outcome in outcomes if not outcome.succeeded]
        if failed:
            # A non-zero exit marks the run failed for the timer (systemctl --failed, cron mail).
            raise CommandError(f"failed: {', '.join(failed)}")
