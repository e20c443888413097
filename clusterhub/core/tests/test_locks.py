"""Every row lock is a named helper of ``core.locks``: no other module takes one."""

from __future__ import annotations

from pathlib import Path

import clusterhub

SOURCE = Path(clusterhub.__file__).parent


def test_only_core_locks_takes_row_locks() -> None:
    takers = sorted(
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if "tests" not in path.parts
        and path != SOURCE / "core" / "locks.py"
        and (
            ".select_for_update(" in (text := path.read_text(encoding="utf-8"))
            or "for_update=True" in text  # core.rows reads a row by plain SQL, locked
        )
    )
    assert takers == []
