"""Recompute the stored insight aggregates: hand the work to the worker, do it now, or, with
``--when-due``, do it now only when they are missing or older than
``CLUSTERHUB_INSIGHT_REFRESH_HOURS`` (what cron or the periodic jobs loop calls)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from clusterhub.insight import services, snapshots


class Command(BaseCommand):
    help = "Die Auswertungen (Kennzahlen, clusterübergreifende Sichten) neu berechnen."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="Sofort rechnen statt im Hintergrund."
        )
        parser.add_argument(
            "--when-due",
            action="store_true",
            help=(
                "sofort rechnen, aber nur wenn eine Auswertung fehlt oder älter als "
                "CLUSTERHUB_INSIGHT_REFRESH_HOURS ist (für cron)"
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["when_due"]:
            count = snapshots.refresh_aggregates_when_due()
            if count is None:
                self.stdout.write("Auswertungen sind aktuell.")
                return
        elif options["now"]:
            count = snapshots.refresh_aggregates()
        else:
            services.ask_for_refresh()
            self.stdout.write("Neuberechnung an den Hintergrund übergeben.")
            return
        self.stdout.write(f"{count} Auswertungen in {time.perf_counter() - started:.1f} s.")
