"""Build the partner-matching index: now (so the first page view need not wait for the worker),
or, with ``--when-due``, as the periodic full rebuild that cron or the jobs loop runs."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from clusterhub.partners.services import rebuild_partner_index, rebuild_partner_index_when_due


class Command(BaseCommand):
    help = "Baut den Index für die Partnervorschläge neu auf."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--when-due",
            action="store_true",
            help=(
                "nur wenn der Index fehlt, hinter dem Register zurückliegt oder älter als "
                "CLUSTERHUB_PARTNER_INDEX_REBUILD_HOURS ist (für cron)"
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["when_due"]:
            if not rebuild_partner_index_when_due():
                self.stdout.write("Partner-Index ist aktuell.")
                return
        else:
            rebuild_partner_index()
        self.stdout.write(f"Partner-Index gebaut in {time.perf_counter() - started:.1f} s.")
