"""Views reach objects only through their app's access.py (or a query module behind it).

Ruff's banned-API rule (TID251 in pyproject.toml) keeps ``get_object_or_404`` out of views;
``Model.objects`` is an attribute, not an import, so no linter can ban it: this test reads
every view module and lists each ``X.objects`` it finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VIEW_GLOBS = ("clusterhub/*/views.py", "clusterhub/*/views/*.py", "clusterhub/*/*_views.py")

# "path:line" → why this view may touch a manager itself. Keep it empty if at all possible.
ALLOWED: dict[str, str] = {}


def view_modules() -> list[Path]:
    return sorted({path for pattern in VIEW_GLOBS for path in ROOT.glob(pattern)})


def manager_uses(path: Path, root: Path = ROOT) -> list[str]:
    """``path:line`` of every ``X.objects`` in the module at ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(root).as_posix()
    return [
        f"{where}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]


def test_the_view_globs_find_the_view_modules() -> None:
    found = {path.relative_to(ROOT).as_posix() for path in view_modules()}
    assert "clusterhub/directory/views.py" in found
    assert "clusterhub/events/views/public.py" in found
    assert "clusterhub/matchmaking/agenda_views.py" in found


def test_no_view_reads_a_model_manager_directly() -> None:
    uses = [use for path in view_modules() for use in manager_uses(path)]
    assert [use for use in uses if use not in ALLOWED] == []


def test_the_allow_list_names_only_uses_that_still_exist() -> None:
    uses = {use for path in view_modules() for use in manager_uses(path)}
    assert set(ALLOWED) <= uses


def test_a_manager_in_a_view_is_found(tmp_path: Path) -> None:
    view = tmp_path / "views.py"
    view.write_text("def page(request):\n    return Organisation.objects.all()\n")
    assert manager_uses(view, tmp_path) == ["views.py:2"]
