from __future__ import annotations

import pytest

from clusterhub.imports.cleaning import parse_date
from clusterhub.imports.reading import ReadError, column_letter, read_table
from clusterhub.imports.tests.files import SAMPLE_DATE, csv_bytes, xlsx_bytes


def test_windows_1252_semicolon_file_is_read_with_its_umlauts() -> None:
    table = read_table(
        "liste.csv", csv_bytes([["Name", "Ort"], ["Müller GmbH", "Käfertal"]]), max_rows=10
    )
    assert table.header == ["Name", "Ort"]
    assert table.rows == [["Müller GmbH", "Käfertal"]]
    assert "Windows-1252" in table.warnings[0]


def test_utf8_comma_file_with_byte_order_mark() -> None:
    content = '\ufeffName,Ort\r\n"Bauer, Söhne",Weinheim\r\n'.encode()
    table = read_table("liste.csv", content, max_rows=10)
    assert table.header == ["Name", "Ort"]
    assert table.rows == [["Bauer, Söhne", "Weinheim"]]
    assert table.line_numbers == [2]


def test_mixed_encodings_are_refused_naming_the_lines() -> None:
    content = "Name;Ort\nMüller;Mannheim\n".encode() + "Bäcker;Weinheim\n".encode("cp1252")
    with pytest.raises(ReadError, match="Zeile 2 ist UTF-8, Zeile 3 Windows-1252"):
        read_table("gemischt.csv", content, max_rows=10)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leer.csv", b"", "ist leer"),
        ("leer.csv", b"\r\n  \r\n", "ist leer"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00", "weder CSV noch XLSX"),
        ("alt.xls", b"\xd0\xcf\x11\xe0 not a zip", "weder CSV noch XLSX"),
        ("kaputt.xlsx", b"PK\x03\x04 broken", "keine lesbare XLSX-Datei"),
    ],
)
def test_bad_files_get_a_german_message_naming_the_file(
    name: str, content: bytes, message: str
) -> None:
    with pytest.raises(ReadError, match=message) as error:
        read_table(name, content, max_rows=10)
    assert name in str(error.value)


def test_a_file_over_the_row_limit_is_refused_with_the_limit() -> None:
    content = csv_bytes([["Name"]] + [[f"Firma {n}"] for n in range(12)])
    with pytest.raises(ReadError, match="mehr als 10 Zeilen"):
        read_table("gross.csv", content, max_rows=10)


def test_xlsx_keeps_formulas_as_text_fills_merged_cells_and_reads_dates() -> None:
    content = xlsx_bytes(
        [
            ["Organisation", "Cluster", "Seit"],
            ["Alpha GmbH", "smart", SAMPLE_DATE],
            ["Beta AG", None, "=TODAY()"],
        ],
        merged=["B2:B3"],
    )
    table = read_table("mitglieder.xlsx", content, max_rows=10)
    assert table.rows == [
        ["Alpha GmbH", "smart", "2024-12-31"],
        ["Beta AG", "smart", "=TODAY()"],
    ]
    assert table.line_numbers == [2, 3]
    assert any("Formelzellen" in warning for warning in table.warnings)


@pytest.mark.parametrize("text", ["31.12.2024", "2024-12-31", "31/12/2024", "31.12.24", "45657"])
def test_dates_in_the_formats_excel_users_write(text: str) -> None:
    assert parse_date(text) == SAMPLE_DATE


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
