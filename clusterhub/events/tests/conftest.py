"""Helpers for the events tests: a file database for the concurrency tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connection, connections

# Re-exported for the events tests that import them from here; the fixtures `event` and
# `immediate_tasks` are registered for every app by the root conftest.py.
from tests.support.events import make_event, person_data

__all__ = ["database_file_for_threads", "make_event", "person_data"]


@contextmanager
def database_file_for_threads(tmp_path: Path) -> Iterator[None]:
    """On SQLite, run the block against a file copy of the test database.

    Django's SQLite test database lives in memory with a shared cache; there, concurrent
    writers get "database table is locked" (SQLITE_LOCKED), which no busy timeout waits
    out. The site runs on a WAL file database, where ``BEGIN IMMEDIATE`` queues writers on
    the timeout — so the concurrency tests copy the schema to such a file and point every
    connection, this thread's and the workers', at it. On PostgreSQL nothing changes.
    """
    if connection.vendor != "sqlite":
        yield
        return
    original_settings = connections.settings[DEFAULT_DB_ALIAS]
    original_connection = connections[DEFAULT_DB_ALIAS]
    original_connection.ensure_connection()
    path = tmp_path / "rush.sqlite3"
    target = sqlite3.connect(path)
    original_connection.connection.backup(target)
    target.close()
    connections.settings[DEFAULT_DB_ALIAS] = {**original_settings, "NAME": str(path)}
    del connections[DEFAULT_DB_ALIAS]
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections.settings[DEFAULT_DB_ALIAS] = original_settings
        connections[DEFAULT_DB_ALIAS] = original_connection
