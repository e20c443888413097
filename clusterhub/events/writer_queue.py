"""The queue of writers of places in front of SQLite's one write lock (events.services)."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# SQLite has one write lock for the whole database, taken at BEGIN IMMEDIATE. A writer that
# finds it taken waits in SQLite's busy handler, which polls with sleeps of up to 100 ms, so
# under a rush the lock sits idle while the next writer sleeps. Writers of places therefore
# queue first on locks that are handed on at once: a Python lock between the threads of this
# process, then an advisory file lock beside the database between the processes of the site
# (the kernel wakes the next waiter as soon as it is released, and frees it if a process dies).
# Taken only outside a transaction: inside one, this thread may already hold the database's
# lock, and waiting here could deadlock.
_SQLITE_WRITERS = threading.Lock()
# Opened once per process: a file opened before a fork is one open file, and its lock would
# not keep the forked copies apart.
_WRITER_QUEUE_FILES: dict[tuple[int, str], int] = {}


def writer_queue_path(database: str) -> str | None:
    """The file beside the SQLite database ``database`` that its writers queue on; None for an
    in-memory database (one process only)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return f"{database}-writers"


def _writer_queue_file(database: str) -> int | None:
    path = writer_queue_path(database)
    key = (os.getpid(), database)
    if path is not None and key not in _WRITER_QUEUE_FILES:
        try:
            _WRITER_QUEUE_FILES[key] = os.open(path, os.O_RDWR | os.O_CREAT, 0o660)
        except OSError:
            return None  # a read-only folder: SQLite's busy timeout alone then
    return _WRITER_QUEUE_FILES.get(key)


@contextmanager
def sqlite_writer_turn() -> Iterator[None]:
    """This thread's turn to write places on the SQLite database of ``connection``."""
    with _SQLITE_WRITERS:
        queue_file = _writer_queue_file(str(connection.settings_dict["NAME"]))
        if queue_file is None:
            yield
            return
        fcntl.flock(queue_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(queue_file, fcntl.LOCK_UN)
