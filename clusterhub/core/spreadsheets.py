"""The one way every list leaves as a spreadsheet: CSV as German Excel opens it (UTF-8 with
byte-order mark, semicolons) and XLSX, with every cell that a spreadsheet would run as a
formula made inert (CSV/formula injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

# A cell that begins with one of these is read as a formula (or split into one) by Excel,
# LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | None
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def inert(value: Cell) -> Cell:
    """``value`` as text a spreadsheet shows and never evaluates: a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([inert(cell) for cell in header])
    for row in rows:
        writer.writerow(["" if cell is None else inert(cell) for cell in row])
    # Excel opens UTF-8 CSV correctly only with a byte-order mark.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    # write_only streams rows: a large list never sits in memory as cell objects.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([inert(cell) for cell in header])
    for row in rows:
        sheet.append([inert(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
