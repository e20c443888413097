"""``manage.py import_calls FILE``: EU Funding & Tenders topics (JSON Lines, gzip or not)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.calls import services
from clusterhub.calls.importer import open_lines, read_calls


class Command(BaseCommand):
    help = "Import funding calls (EU Funding & Tenders topics); idempotent on the topic id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        read = read_calls(open_lines(path))
        report = services.import_calls(read.records)
        for line, problem in read.problems:
            self.stderr.write(f"{path}:{line}: {problem}")
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(read.problems)} lines skipped"
        )
