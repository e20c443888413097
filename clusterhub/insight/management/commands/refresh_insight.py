"""Recompute the stored insight aggregates: hand the work to the worker, or do it now."""

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

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["now"]:
            services.ask_for_refresh()
            self.stdout.write("Neuberechnung an den Hintergrund übergeben.")
            return
        started = time.perf_counter()
        count = snapshots.refresh_aggregates()
        self.stdout.write(f"{count} Auswertungen in {time.perf_counter() - started:.1f} s.")
