"""The console import: the same run, report and exit codes for every kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from clusterhub.clusters.models import Cluster
from clusterhub.imports import services
from clusterhub.imports.models import ImportRun
from clusterhub.imports.reading import ReadError


class ImportCommand(BaseCommand):
    kind = ""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV- oder XLSX-Datei")
        parser.add_argument("--dry-run", action="store_true", help="prüfen, nichts speichern")
        parser.add_argument("--cluster", help="Kennung (slug) des Clusters der Mitgliedschaften")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        cluster = None
        if options["cluster"]:
            cluster = Cluster.objects.filter(slug=options["cluster"]).first()
            if cluster is None:
                raise CommandError(
                    _("Cluster „%(slug)s“ gibt es nicht.") % {"slug": options["cluster"]}
                )
        try:
            content = path.read_bytes()
        except OSError as error:
            self.stderr.write(
                _("Die Datei „%(file)s“ ist nicht lesbar: %(error)s")
                % {"file": path, "error": error.strerror}
            )
            raise SystemExit(2) from error
        try:
            run = services.start_run(None, self.kind, cluster, path.name, content)
        except ReadError as error:
            self.stderr.write(str(error))
            raise SystemExit(2) from error
        run = services.execute_run(run, dry_run=options["dry_run"])
        self._report(run, dry_run=options["dry_run"])
        raise SystemExit(services.exit_code(run))

    def _report(self, run: ImportRun, *, dry_run: bool) -> None:
        if run.message:
            self.stdout.write(run.message)
        counts = run.counts
        self.stdout.write(
            _(
                "%(file)s: %(total)s Zeilen – %(created)s neu, %(updated)s geändert, "
                "%(unchanged)s unverändert, %(held)s zur Entscheidung zurückgehalten, "
                "%(refused)s abgelehnt."
            )
            % {"file": run.file_name, "total": run.total_rows, **counts}
        )
        if dry_run:
            self.stdout.write(_("Probelauf: nichts wurde gespeichert."))
        for held in run.held_rows.all() if not dry_run else []:
            names = ", ".join(candidate["name"] for candidate in held.candidates)
            self.stdout.write(
                _(
                    "Zeile %(line)s: wahrscheinlich schon vorhanden (%(names)s) – bitte im "
                    "Import %(run)s entscheiden."
                )
                % {"line": held.line, "names": names, "run": run.pk}
            )
        for error in run.errors:
            self.stdout.write(_("Zeile %(line)s, Spalte „%(column)s“: %(message)s") % error)
