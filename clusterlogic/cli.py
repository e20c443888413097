"""The ``clusterhub`` console script: batch commands that need no database.

``clusterhub dedupe`` finds duplicate organisations (see ``shared/formats/dedupe.md``),
``clusterhub match`` ranks partners (see ``shared/formats/matching.md``) and
``clusterhub schedule`` schedules B2B meetings (see ``shared/formats/meetings.md``).
Each sub-command lives with its algorithm and is imported only when called, so that
one command's heavy imports never slow the other.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

USAGE = """usage: clusterhub COMMAND [ARGS]

commands:
  dedupe     find organisation records that are one (JSON Lines)
  match      rank partners for organisations or free-text needs (JSON Lines)
  schedule   schedule B2B meetings of a matchmaking event (JSON)
"""


def _command(name: str) -> Callable[[Sequence[str]], int] | None:
    command: Callable[[Sequence[str]], int]
    if name == "dedupe":
        from clusterlogic.dedupe.cli import main as command
    elif name == "match":
        from clusterlogic.matching.cli import main as command
    elif name == "schedule":
        from clusterlogic.scheduling.cli import main as command
    else:
        return None
    return command


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        sys.stdout.write(USAGE)
        return 0 if args else 2
    command = _command(args[0])
    if command is None:
        sys.stderr.write(f"clusterhub: unknown command {args[0]!r}\n{USAGE}")
        return 2
    return command(args[1:])


def run() -> None:
    """The console script: ends the process as soon as the output is written, without the
    interpreter's clean-up of a large event's objects and solver threads (up to a second
    under load), so that ``--time-limit`` holds for the whole process."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
