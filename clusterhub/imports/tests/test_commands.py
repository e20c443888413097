from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from clusterhub.directory.models import Organisation
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes, xlsx_bytes
from tests.support.registry import Registry


def _run(*args: str) -> int:
    with pytest.raises(SystemExit) as stop:
        call_command(*args)
    return int(stop.value.code or 0)


def test_exit_codes_all_good_some_refused_nothing(
    registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "gut.xlsx"
    good.write_bytes(xlsx_bytes([["Name", "Ort"], ["Kurpfalz Robotik", "Heidelberg"]]))
    assert _run("import_organisations", str(good), "--cluster", "smart") == 0
    assert _run("import_organisations", str(good)) == 0  # unchanged
    mixed = tmp_path / "gemischt.csv"
    mixed.write_bytes(csv_bytes(ORGANISATIONS))
    assert _run("import_organisations", str(mixed)) == 1
    out = capsys.readouterr().out
    assert "Zeile 4, Spalte „Firma“: Pflichtfeld ist leer." in out
    assert "Zeile 5: wahrscheinlich schon vorhanden (Pepperl+Fuchs)" in out
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    assert _run("import_organisations", str(empty)) == 2
    assert "„leer.csv“ ist leer" in capsys.readouterr().err


def test_dry_run_stores_nothing(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes([["Name", "Ort"], ["Trockenlauf GmbH", "Mannheim"]]))
    before = Organisation.objects.count()
    assert _run("import_organisations", str(path), "--dry-run") == 0
    assert Organisation.objects.count() == before


def test_people_from_the_console(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(
        csv_bytes([["Vorname", "Nachname", "Firma"], ["Ada", "Lovelace", "Pepperl+Fuchs"]])
    )
    assert _run("import_people", str(path)) == 0
