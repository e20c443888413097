"""Fixtures for the events tests: an open event, and tasks that run at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from clusterhub.events.models import Event
from clusterhub.events.services import RegistrationData

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    """Run django-tasks synchronously, as a worker would, inside the test."""
    settings.TASKS = IMMEDIATE_TASKS


def make_event(capacity: int = 2, **fields: Any) -> Event:
    start = (timezone.now() + dt.timedelta(days=14)).replace(microsecond=0)
    defaults: dict[str, Any] = {
        "title": "Social Innovation Bar",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=3),
        "venue": "MAFINEX-Technologiezentrum",
        "address": "Julius-Hatry-Straße 1, 68163 Mannheim",
        "capacity": capacity,
    }
    defaults.update(fields)
    return Event.objects.create(**defaults)


def person_data(index: int, **fields: Any) -> RegistrationData:
    values: dict[str, Any] = {
        "first_name": "Anna",
        "last_name": f"Teilnehmerin{index}",
        "email": f"anna{index}@example.org",
        "organisation_name": "",
        "country": "DE",
    }
    values.update(fields)
    return RegistrationData(**values)


@pytest.fixture
def event(db: None) -> Event:
    return make_event()


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
