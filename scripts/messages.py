"""Update the translation catalogues, or check that they list every translatable text.

    .venv/bin/python scripts/messages.py update   # makemessages + compilemessages, de and en
    .venv/bin/python scripts/messages.py check    # exit 1 if makemessages would change a .po

The check runs makemessages in place, compares the catalogues with what was there before
(ignoring the creation date and source-line comments, which change with every edit), and
then puts the original files back, so it leaves the tree as it found it.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = REPO_ROOT / "locale"
LANGUAGES = ["de", "en"]
IGNORED = [".venv", "node_modules", "var", "tests", "build", "clusterhub/core/static/vendor"]


def manage(*arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=REPO_ROOT, check=True)


def make_messages() -> None:
    LOCALE_DIR.mkdir(exist_ok=True)
    language_options = [option for language in LANGUAGES for option in ("-l", language)]
    ignore_options = [f"--ignore={pattern}" for pattern in IGNORED]
    manage("makemessages", *language_options, *ignore_options)


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def comparable(text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if not line.startswith(("#:", '"POT-Creation-Date:', '"PO-Revision-Date:'))
    ]


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def check() -> int:
    if shutil.which("xgettext") is None:
        print("messages check: xgettext not found (apt-get install gettext)", file=sys.stderr)
        return 1 if running_in_ci() else 0
    before = {path: path.read_text(encoding="utf-8") for path in catalogues()}
    folders_before = set(LOCALE_DIR.rglob("*")) | {LOCALE_DIR} if LOCALE_DIR.exists() else set()
    try:
        make_messages()
        problems: list[str] = []
        for path in catalogues():
            old = comparable(before.get(path, ""))
            new = comparable(path.read_text(encoding="utf-8"))
            if old != new:
                name = str(path.relative_to(REPO_ROOT))
                problems.extend(difflib.unified_diff(old, new, name, name, lineterm="", n=1))
    finally:
        for path in catalogues():
            if path in before:
                path.write_text(before[path], encoding="utf-8")
            else:
                path.unlink()
        created = [p for p in LOCALE_DIR.rglob("*") if p.is_dir() and p not in folders_before]
        for folder in [*sorted(created, reverse=True), LOCALE_DIR]:
            if folder not in folders_before and folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
    if problems:
        print("translatable texts missing from the catalogues; run `make messages`:")
        print("\n".join(problems[:200]))
        return 1
    print(f"messages check: {len(before)} catalogues list every translatable text")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        make_messages()
        manage("compilemessages", "--ignore=.venv", "--ignore=node_modules")
        return 0
    if argv == ["check"]:
        return check()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
