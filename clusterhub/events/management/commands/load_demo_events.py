"""Load the event formats of the seed article with past and upcoming events."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.events.demo import load_demo_events
from clusterhub.events.models import Event


class Command(BaseCommand):
    help = "Lädt die Veranstaltungsformate des Artikels mit vergangenen und kommenden Terminen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Nichts tun, wenn es schon Veranstaltungen gibt (für make demo).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Event.objects.exists():
            self.stdout.write("events: already loaded, nothing to do")
            return
        events, registrations = load_demo_events(seed=options["seed"])
        self.stdout.write(f"events: {events}, registrations: {registrations}")
