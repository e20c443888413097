"""Load the demo's consultation offers (Exi-Gründungsberatung, Digi-Pate) with bookings."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.support.demo import (
    load_demo_cohorts,
    load_demo_consultations,
    load_demo_fairs,
    load_demo_space,
    load_demo_streams,
)
from clusterhub.support.mentoring_demo import load_demo_mentoring
from clusterhub.support.models import ConsultationOffer


class Command(BaseCommand):
    help = "Lädt Beratungsangebote (Exi-Gründungsberatung, Digi-Pate) und Stoffströme der Demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Nichts tun, wenn es schon Beratungsangebote gibt (für make demo).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and ConsultationOffer.objects.exists():
            self.stdout.write("consultations: already loaded, nothing to do")
            return
        offers, bookings = load_demo_consultations(seed=options["seed"])
        self.stdout.write(f"consultations: {offers} offers, {bookings} bookings")
        self.stdout.write(f"material streams: {load_demo_streams()}")
        self.stdout.write(f"founders' centres: {load_demo_space(seed=options['seed'])} contracts")
        self.stdout.write(f"accelerator applications: {load_demo_cohorts(seed=options['seed'])}")
        self.stdout.write(f"joint stands: {load_demo_fairs(seed=options['seed'])} co-exhibitors")
        self.stdout.write(f"Digi-Pate cases: {load_demo_mentoring()}")
