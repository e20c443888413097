"""Import runs: store the upload, map the columns, preview, import row by row, decide held
rows. Each row is written in its own savepoint: whole or not at all."""

from __future__ import annotations

import csv
import io
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.clusters.models import Cluster
from clusterhub.core.background import enqueue_on_commit
from clusterhub.directory.access import can_edit_organisation
from clusterhub.directory.models import Organisation
from clusterhub.imports import writers
from clusterhub.imports.access import may_import_into
from clusterhub.imports.cleaning import CleanRow, clean_row
from clusterhub.imports.duplicates import build_index, normalise_name
from clusterhub.imports.fields import FIELDS, Kind, guess_mapping, header_signature
from clusterhub.imports.models import HeldRow, ImportKey, ImportRun, MappingPreset
from clusterhub.imports.reading import ReadError, Table, read_table

Progress = Callable[[ImportRun], None]
BATCH = 250


def load_table(run: ImportRun) -> Table:
    with default_storage.open(run.stored_file, "rb") as stream:
        content = stream.read()
    return read_table(run.file_name, content, max_rows=settings.CLUSTERHUB_IMPORT_MAX_ROWS)


def _check_mapping(kind: str, mapping: dict[str, int], table: Table) -> None:
    missing = [
        str(spec.label) for spec in FIELDS[kind] if spec.required and spec.name not in mapping
    ]
    if missing:
        raise ReadError(
            _("In der Datei „%(file)s“ fehlt eine Spalte für: %(fields)s.")
            % {"file": table.file_name, "fields": ", ".join(missing)}
        )


@transaction.atomic
def start_run(
    actor: Actor, kind: str, cluster: Cluster | None, file_name: str, content: bytes
) -> ImportRun:
    """Read the upload (``ReadError`` when it is no table), store it through the default
    storage and guess the mapping, or take the user's preset for the same header."""
    if actor is not None and not may_import_into(viewer_for(actor), cluster):
        raise PermissionDenied
    table = read_table(file_name, content, max_rows=settings.CLUSTERHUB_IMPORT_MAX_ROWS)
    mapping = guess_mapping(kind, table.header)
    if actor is not None and actor.is_authenticated:
        preset = MappingPreset.objects.filter(
            user_id=actor.pk, kind=kind, header_signature=header_signature(table.header)
        ).first()
        if preset is not None:
            mapping = {name: int(index) for name, index in preset.mapping.items()}
    if not mapping:
        raise ReadError(
            _(
                "Die erste Zeile der Datei „%(file)s“ ist keine Kopfzeile: keine Spalte heißt wie "
                "ein Feld (z. B. %(example)s). Bitte eine Kopfzeile einfügen."
            )
            % {"file": file_name, "example": ", ".join(str(f.label) for f in FIELDS[kind][:3])}
        )
    stored = default_storage.save(f"imports/{uuid.uuid4().hex}/upload", ContentFile(content))
    return ImportRun.objects.create(
        kind=kind,
        file_name=file_name[:255],
        stored_file=stored,
        cluster=cluster,
        created_by_id=audit.actor_id(actor),
        mapping=mapping,
        total_rows=len(table.rows),
        message="\n".join(table.warnings),
    )


def save_mapping(actor: Actor, run: ImportRun, mapping: dict[str, int], table: Table) -> None:
    """Keep the mapping for this run and as the user's preset for this header."""
    _check_mapping(run.kind, mapping, table)
    run.mapping = mapping
    run.save(update_fields=["mapping"])
    if actor is not None and actor.is_authenticated:
        MappingPreset.objects.update_or_create(
            user_id=actor.pk,
            kind=run.kind,
            header_signature=header_signature(table.header),
            defaults={"mapping": mapping},
        )


def clean_rows(run: ImportRun, table: Table, limit: int | None = None) -> list[CleanRow]:
    rows = table.rows if limit is None else table.rows[:limit]
    return [
        clean_row(run.kind, line, cells, run.mapping, table.header)
        for line, cells in zip(table.line_numbers, rows, strict=False)
    ]


def _context(actor: Actor, run: ImportRun) -> writers.Context:
    viewer = viewer_for(actor) if actor is not None else None
    allowed = None if viewer is None or viewer.is_admin else viewer.managed_cluster_ids
    keys = dict(ImportKey.objects.filter(kind=run.kind).values_list("key", "object_id"))
    context = writers.Context(
        actor=actor, run=run, cluster=run.cluster, index=build_index([]), keys=keys,
        allowed_cluster_ids=allowed,
    )  # fmt: skip
    registry = list(Organisation.objects.values_list("pk", "name", "city"))
    if run.kind == Kind.ORGANISATIONS:
        context.index = build_index(registry)
    else:
        context.organisations_by_name = {normalise_name(name): pk for pk, name, _city in registry}
    return context


def execute_run(
    run: ImportRun, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportRun:
    """Import every row of the run's file; refused rows are listed with line, column and
    message, held rows wait for a decision. A dry run writes nothing."""
    actor = run.created_by
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    try:
        table = load_table(run)
        _check_mapping(run.kind, run.mapping, table)
    except ReadError as error:
        return _finish(run, Counter(), [], message=str(error), failed=True)
    run.total_rows = len(table.rows)
    counts: Counter[str] = Counter()
    refused: list[tuple[CleanRow, list[str]]] = []
    # A dry run is one transaction rolled back at the end. A real one commits every BATCH
    # rows, so the database's write lock is never held for long and the progress shows; each
    # row is its own savepoint inside, whole or not at all.
    with transaction.atomic() if dry_run else nullcontext():
        context = _context(actor, run)
        write = writers.WRITERS[run.kind]
        rows = clean_rows(run, table)
        for first in range(0, len(rows), BATCH):
            batch = rows[first : first + BATCH]
            writers.prefetch(context, batch)
            with transaction.atomic():
                for offset, row in enumerate(batch):
                    if not _write_row(write, context, row, counts):
                        refused.append((row, table.rows[first + offset]))
            run.processed_rows = min(first + BATCH, len(rows))
            if progress is not None:
                progress(run)
        if dry_run:
            transaction.set_rollback(True)
    if counts["created"] and run.kind == Kind.ORGANISATIONS and not dry_run:
        enqueue_on_commit("clusterhub.partners.tasks.catch_up_partner_index")
    return _finish(run, counts, refused, table=table, dry_run=dry_run)


def _write_row(
    write: Callable[[writers.Context, CleanRow], str],
    context: writers.Context,
    row: CleanRow,
    counts: Counter[str],
) -> bool:
    """Write one clean row in its own savepoint; False (with the reason) when refused."""
    if row.ok:
        try:
            with transaction.atomic():
                counts[write(context, row)] += 1
        except writers.RowRefused as error:
            row.errors.append((error.column, " ".join(error.messages)))
        except (ValidationError, DatabaseError) as error:
            row.errors.append(("", str(error)))
    if not row.ok:
        counts["refused"] += 1
    return row.ok


def _finish(
    run: ImportRun,
    counts: Counter[str],
    refused: list[tuple[CleanRow, list[str]]],
    *,
    table: Table | None = None,
    message: str = "",
    failed: bool = False,
    dry_run: bool = False,
) -> ImportRun:
    run.counts = {
        name: counts[name] for name in ("created", "updated", "unchanged", "held", "refused")
    }
    run.errors = [
        {"line": row.line, "column": column, "message": text}
        for row, _cells in refused
        for column, text in row.errors
    ]
    if refused and table is not None and not dry_run:
        run.refused_file = default_storage.save(
            f"imports/{uuid.uuid4().hex}/refused.csv", ContentFile(refused_rows_csv(table, refused))
        )
    run.message = message or run.message
    run.status = ImportRun.Status.FAILED if failed else ImportRun.Status.DONE
    run.finished_at = timezone.now()
    if not dry_run:
        run.save()
        audit.record(
            run.created_by, AuditEntry.Action.CREATE, run, run.counts, list_name=run.kind,
            row_count=run.total_rows,
        )  # fmt: skip
    return run


def refused_rows_csv(table: Table, refused: list[tuple[CleanRow, list[str]]]) -> bytes:
    """The refused rows as they came, with their line and problems first: fix and re-upload
    (the two extra columns are not mapped to anything)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Zeile"), _("Fehler"), *table.header])
    for row, cells in refused:
        problems = "; ".join(f"{column}: {text}" if column else text for column, text in row.errors)
        writer.writerow([row.line, problems, *cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def exit_code(run: ImportRun) -> int:
    """0 every row landed, 1 some rows refused or held, 2 nothing imported."""
    counts = run.counts
    landed = counts.get("created", 0) + counts.get("updated", 0) + counts.get("unchanged", 0)
    if run.status == ImportRun.Status.FAILED or landed == 0:
        return 2
    return 1 if counts.get("refused", 0) or counts.get("held", 0) else 0


@transaction.atomic
def decide_held_row(actor: Actor, held: HeldRow, *, merge_into_id: int | None) -> HeldRow:
    """Merge the held row into one of its candidates, or create it after all."""
    if held.decision != HeldRow.Decision.PENDING:
        return held
    run = held.run
    context = _context(actor, run)
    if merge_into_id is not None:
        if merge_into_id not in {candidate["id"] for candidate in held.candidates}:
            raise PermissionDenied
        organisation = Organisation.objects.get(pk=merge_into_id)
        # Blank fields are filled only where the user may edit the organisation; the key and
        # the membership are remembered in any case.
        may_edit = actor is None or can_edit_organisation(viewer_for(actor), organisation)
        writers.merge_into(context, held.key, held.values, organisation, fill_blanks=may_edit)
        held.decision = HeldRow.Decision.MERGED
    else:
        organisation = writers.create_organisation(context, held.key, held.values)
        held.decision = HeldRow.Decision.CREATED
    held.organisation = organisation
    held.save(update_fields=["decision", "organisation"])
    audit.record(actor, AuditEntry.Action.UPDATE, run, {"held_row": [held.line, held.decision]})
    return held
