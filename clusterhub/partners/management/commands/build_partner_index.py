"""Build the partner-matching index now, so the first page view need not wait for the worker."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from clusterhub.partners.services import rebuild_partner_index


class Command(BaseCommand):
    help = "Baut den Index für die Partnervorschläge neu auf."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        rebuild_partner_index()
        self.stdout.write(f"Partner-Index gebaut in {time.perf_counter() - started:.1f} s.")
