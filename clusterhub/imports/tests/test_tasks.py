from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterhub.directory.models import Organisation
from clusterhub.imports import services, tasks
from clusterhub.imports.fields import Kind
from clusterhub.imports.models import ImportRun
from clusterhub.imports.reading import read_table
from clusterhub.imports.tests.files import csv_bytes
from tests.support.registry import Registry


def test_the_background_task_imports_reports_progress_and_runs_once(registry: Registry) -> None:
    rows = [["Name", "Ort"]] + [[f"Betrieb Nummer {n:04d}", "Mannheim"] for n in range(1, 1201)]
    run = services.start_run(
        registry.users["admin"], Kind.ORGANISATIONS, None, "gross.csv", csv_bytes(rows)
    )
    run.status = ImportRun.Status.QUEUED
    run.save()
    assert tasks.run_import.call(run.pk) is True
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert run.processed_rows == run.total_rows == 1200
    assert run.counts["created"] + run.counts["held"] == 1200
    before = Organisation.objects.count()
    assert tasks.run_import.call(run.pk) is False  # a repeated delivery does nothing
    assert Organisation.objects.count() == before


# Text as German spreadsheets hold it. Some cp1252 strings are also valid UTF-8 ("à\xa0Œ" is
# the bytes of one Samaritan letter), and no reader can tell those apart; letters with
# umlauts next to ASCII or to each other never form valid UTF-8, so these are read back exactly.
cell = st.text(
    alphabet=st.characters(codec="ascii", exclude_characters="\x00\r\n\x1a")
    | st.sampled_from("äöüÄÖÜß"),
    max_size=12,
).map(str.strip)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=20),
    delimiter=st.sampled_from([";", ","]),
    encoding=st.sampled_from(["cp1252", "utf-8", "utf-8-sig"]),
)
def test_any_table_excel_writes_reads_back_as_written(
    rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Name", "Ort", "PLZ"])
    writer.writerows(rows)
    table = read_table("x.csv", buffer.getvalue().encode(encoding), max_rows=100)
    assert table.header == ["Name", "Ort", "PLZ"]
    assert table.rows == [row for row in rows if any(row)]
