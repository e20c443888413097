"""Load the event formats of the seed article with past and upcoming events."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.events.demo import load_demo_events


class Command(BaseCommand):
    help = "Lädt die Veranstaltungsformate des Artikels mit vergangenen und kommenden Terminen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        events, registrations = load_demo_events(seed=options["seed"])
        self.stdout.write(f"events: {events}, registrations: {registrations}")
