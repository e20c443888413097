"""Files as Excel writes them, for the import tests."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook


def csv_bytes(rows: list[list[str]], *, delimiter: str = ";", encoding: str = "cp1252") -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return text.encode(encoding)


def xlsx_bytes(rows: list[list[object]], merged: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cell_range in merged or []:
        sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ORGANISATIONS = [
    ["Firma", "Rechtsform", "PLZ", "Ort", "Webseite"],
    ["Rheinkraft Energie", "GmbH", "68159", "Mannheim", "rheinkraft.example"],
    ['=HYPERLINK("http://evil.example")', "", "68161", "Mannheim", ""],
    ["", "AG", "68165", "Mannheim", ""],
    ["Pepperl + Fuchs", "SE", "68307", "Mannheim", ""],
    ["PEPPERL+FUCHS SE", "", "68307", "Mannheim", ""],
]
SAMPLE_DATE = date(2024, 12, 31)
