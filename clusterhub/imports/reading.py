"""Reading an uploaded file into a header and rows of text, whatever Excel wrote.

CSV comes as UTF-8 (with or without byte-order mark) or Windows-1252, separated by commas or
semicolons; XLSX is read with openpyxl in read-only mode. Formula cells are never evaluated:
their text is kept as it stands (the export makes such text inert). A problem with the file
itself raises ``ReadError`` with a German message naming the file, row and column.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

XLSX_MAGIC = b"PK\x03\x04"


class ReadError(Exception):
    """The file cannot be read as a table; the message is meant for the user."""


@dataclass
class Table:
    file_name: str
    header: list[str]
    rows: list[list[str]]
    # File line (CSV) or sheet row (XLSX) of each row, for messages: "Zeile 7".
    line_numbers: list[int] = field(default_factory=list)
    header_line: int = 0
    warnings: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_table(file_name: str, content: bytes, *, max_rows: int) -> Table:
    """The table in ``content``: the first non-empty row is the header."""
    if not content.strip():
        raise ReadError(_("Die Datei „%(file)s“ ist leer.") % {"file": file_name})
    if content.startswith(XLSX_MAGIC):
        table = _read_xlsx(file_name, content, max_rows)
    elif file_name.lower().endswith((".xlsx", ".xlsm", ".xls")) or b"\x00" in content[:4096]:
        raise ReadError(
            _(
                "Die Datei „%(file)s“ ist weder CSV noch XLSX. Bitte speichern Sie sie "
                "als CSV oder XLSX."
            )
            % {"file": file_name}
        )
    else:
        table = _read_csv(file_name, content, max_rows)
    if not any(cell.strip() for cell in table.header):
        raise ReadError(_("Die Datei „%(file)s“ hat keine Kopfzeile.") % {"file": file_name})
    return table


def _decode(file_name: str, content: bytes) -> tuple[str, str]:
    """The text and the name of its encoding. A file in which some lines are UTF-8 and others
    Windows-1252 is refused, naming the first line that differs, rather than mis-read."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        first_bad_line = content[: error.start].count(b"\n") + 1
    # Not UTF-8 throughout. If some line does hold UTF-8 umlauts, the encodings are mixed.
    for number, line in enumerate(content.split(b"\n"), start=1):
        if re.search(rb"[\xc2-\xf4][\x80-\xbf]", line):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            raise ReadError(
                _(
                    "Die Datei „%(file)s“ mischt Zeichenkodierungen: Zeile %(utf8)s ist UTF-8, "
                    "Zeile %(other)s Windows-1252. Bitte speichern Sie sie einheitlich als "
                    "„CSV UTF-8“."
                )
                % {"file": file_name, "utf8": number, "other": first_bad_line}
            )
    return content.decode("cp1252", errors="replace"), "Windows-1252"


def _read_csv(file_name: str, content: bytes, max_rows: int) -> Table:
    text, encoding = _decode(file_name, content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in text else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = Table(file_name=file_name, header=[], rows=[])
    table.warnings.append(
        _("Gelesen als %(encoding)s, getrennt durch „%(sep)s“.")
        % {"encoding": encoding, "sep": delimiter}
    )
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if not table.header:
                table.header = [cell.strip() for cell in cells]
                table.header_line = reader.line_num
                continue
            _append(table, [cell.strip() for cell in cells], reader.line_num, max_rows)
    except csv.Error as error:
        raise ReadError(
            _("Die Datei „%(file)s“ ist in Zeile %(line)s kein gültiges CSV (%(error)s).")
            % {"file": file_name, "line": reader.line_num, "error": error}
        ) from error
    return table


def _append(table: Table, cells: list[str], line: int, max_rows: int) -> None:
    if len(table.rows) >= max_rows:
        raise ReadError(
            _(
                "Die Datei „%(file)s“ hat mehr als %(max)s Zeilen (Zeile %(line)s). Bitte "
                "teilen Sie sie in kleinere Dateien auf."
            )
            % {"file": table.file_name, "max": f"{max_rows:,}".replace(",", "."), "line": line}
        )
    table.rows.append(cells)
    table.line_numbers.append(line)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _merged_ranges(sheet: object) -> list[tuple[int, int, int, int]]:
    """The merged ranges (min_row, min_col, max_row, max_col; 1-based) of a read-only sheet,
    read from the sheet's XML (openpyxl's read-only mode does not offer them)."""
    archive = sheet.parent._archive  # type: ignore[attr-defined]
    ranges = []
    with archive.open(sheet._worksheet_path) as stream:  # type: ignore[attr-defined]
        for _event, element in ElementTree.iterparse(stream):
            if element.tag.endswith("}mergeCell"):
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                ranges.append((min_row, min_col, max_row, max_col))
            elif element.tag.endswith("}row"):
                element.clear()
    return ranges


def _read_xlsx(file_name: str, content: bytes, max_rows: int) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReadError(
            _("Die Datei „%(file)s“ ist keine lesbare XLSX-Datei.") % {"file": file_name}
        ) from error
    try:
        sheet = workbook.worksheets[0]
        merged = _merged_ranges(sheet)
        table = Table(file_name=file_name, header=[], rows=[])
        formulas = 0
        for number, values in _rows(sheet):
            cells = [_cell_text(value) for value in values]
            formulas += sum(1 for cell in cells if cell.startswith("="))
            cells = _fill_merged(cells, number, merged, table)
            if not any(cells):
                continue
            if not table.header:
                table.header = cells
                table.header_line = number
                continue
            _append(table, cells, number, max_rows)
        if formulas:
            table.warnings.append(
                _("%(count)s Formelzellen wurden als Text übernommen und nicht berechnet.")
                % {"count": formulas}
            )
    finally:
        workbook.close()
    return table


def _rows(sheet: object) -> Iterator[tuple[int, tuple[object, ...]]]:
    yield from enumerate(sheet.iter_rows(values_only=True), start=1)  # type: ignore[attr-defined]


def _fill_merged(
    cells: list[str], number: int, merged: list[tuple[int, int, int, int]], table: Table
) -> list[str]:
    """A merged cell's value stands in its top-left cell; every cell of the range gets it."""
    for min_row, min_col, max_row, max_col in merged:
        if not min_row <= number <= max_row:
            continue
        if min_row == number:
            source = cells[min_col - 1] if len(cells) >= min_col else ""
        else:
            source = _top_left(table, min_row, min_col)
        for col in range(min_col, max_col + 1):
            while len(cells) < col:
                cells.append("")
            cells[col - 1] = source
    return cells


def _top_left(table: Table, row: int, col: int) -> str:
    if row == table.header_line:
        cells = table.header
    else:
        # Merged ranges are short and close above: search the latest rows first.
        cells = next(
            (
                table.rows[index]
                for index in range(len(table.rows) - 1, -1, -1)
                if table.line_numbers[index] == row
            ),
            [],
        )
    return cells[col - 1] if len(cells) >= col else ""
