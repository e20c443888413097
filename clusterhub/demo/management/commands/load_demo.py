"""``manage.py load_demo``: loads the Mannheim demo and prints a login per role."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from clusterhub.demo.loader import DemoOptions, load_demo
from clusterhub.demo.logins import login_lines
from clusterhub.directory.models import Organisation


class Command(BaseCommand):
    help = (
        "Lädt die Mannheim-Demo: Themen, Cluster, die Organisationen aus dem Artikel, "
        "EU-Forschungspartner aus CORDIS, generierte regionale Organisationen, Konten."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Nichts tun, wenn schon Organisationen gespeichert sind.",
        )
        parser.add_argument(
            "--cordis-dir",
            type=Path,
            default=None,
            help="Ordner mit dem CORDIS-Auszug (Standard: settings.CORDIS_DATA_DIR).",
        )
        parser.add_argument(
            "--regional",
            type=int,
            default=3000,
            help="Anzahl generierter regionaler Organisationen (Standard: 3000).",
        )
        parser.add_argument("--seed", type=int, default=42, help="Startwert des Zufalls.")
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="Keine Anmeldedaten ausgeben (make demo gibt sie zuletzt mit demo_logins aus).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Organisation.objects.exists():
            count = Organisation.objects.count()
            self.stdout.write(
                f"Die Datenbank enthält schon {count} Organisationen – Demo nicht geladen."
            )
            return
        cordis_dir = options["cordis_dir"] or settings.CORDIS_DATA_DIR
        started = time.perf_counter()
        result = load_demo(
            DemoOptions(
                cordis_dir=Path(cordis_dir) if cordis_dir else None,
                regional=max(0, options["regional"]),
                seed=options["seed"],
                calls_file=settings.CALLS_DATA_FILE,
            ),
            self.stdout.write,
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {result.organisations} Organisationen in {elapsed:.1f} s."
            )
        )
        if options["no_logins"]:
            return
        self.stdout.write(f"Anmeldung unter {settings.SITE_URL}{reverse('accounts:login')}")
        for line in login_lines(result.logins):
            self.stdout.write(line)
        detail = reverse("directory:organisation_detail", args=[result.showcase_organisation_id])
        note = reverse("crm:interaction_detail", args=[result.private_note_id])
        self.stdout.write(f"Pepperl+Fuchs: {detail}")
        self.stdout.write(
            f"Private Notiz des Green Industry Clusters (für manager.smart gesperrt): {note}"
        )
