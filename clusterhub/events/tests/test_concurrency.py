"""A rush: 200 registrations at once for 50 places, each thread with its own connection."""

from __future__ import annotations

import fcntl
import os
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection, connections

from clusterhub.events import services, writer_queue
from clusterhub.events.models import Registration
from clusterhub.events.tests.conftest import database_file_for_threads, make_event, person_data

RUSH = 200
PLACES = 50
Status = Registration.Status


@pytest.fixture
def shared_database(transactional_db: None, tmp_path: Path) -> Iterator[None]:
    with database_file_for_threads(tmp_path):
        yield


def parallel_clients() -> int:
    """All 200 at once where the database allows it; PostgreSQL refuses connections beyond
    ``max_connections`` (100 by default), so there the rush is as wide as the server permits."""
    if connection.vendor != "postgresql":
        return RUSH
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        (limit,) = cursor.fetchone()
    return min(RUSH, int(limit) - 10)


@pytest.mark.usefixtures("shared_database")
def test_two_hundred_concurrent_registrations_fill_fifty_places_exactly() -> None:
    event = make_event(capacity=PLACES)
    width = parallel_clients()
    start_together = threading.Barrier(width)

    def register(index: int) -> str:
        try:
            if index < width:
                start_together.wait(timeout=60)
            return services.register_participant(event, person_data(index)).status
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=width) as pool:
        outcomes = list(pool.map(register, range(RUSH)))

    assert Counter(outcomes) == {Status.CONFIRMED: PLACES, Status.WAITLISTED: RUSH - PLACES}
    stored = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert stored == {Status.CONFIRMED: PLACES, Status.WAITLISTED: RUSH - PLACES}
    positions = sorted(
        position
        for position in Registration.objects.filter(
            event=event, status=Status.WAITLISTED
        ).values_list("waitlist_position", flat=True)
        if position is not None
    )
    assert positions == list(range(1, RUSH - PLACES + 1))


@pytest.mark.usefixtures("shared_database")
def test_a_double_clicked_submit_registers_once_even_when_both_clicks_race() -> None:
    event = make_event(capacity=PLACES)
    clicks = 8
    start_together = threading.Barrier(clicks)

    def click(_index: int) -> int:
        try:
            start_together.wait(timeout=60)
            return services.register_participant(event, person_data(1)).pk
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=clicks) as pool:
        registration_ids = set(pool.map(click, range(clicks)))

    assert len(registration_ids) == 1
    assert Registration.objects.filter(event=event).count() == 1


def test_writers_of_places_in_other_processes_wait_for_the_turn_without_polling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a SQLite file the turn is an advisory lock on a file beside the database: another
    process (here: another open file, which the kernel treats alike) cannot take it while a
    registration holds it, and gets it as soon as it is free."""
    monkeypatch.setitem(connection.settings_dict, "NAME", str(tmp_path / "site.sqlite3"))
    path = writer_queue.writer_queue_path(str(tmp_path / "site.sqlite3"))
    assert path == str(tmp_path / "site.sqlite3-writers")
    with writer_queue.sqlite_writer_turn():
        other = os.open(path, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    other = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again: no error
    finally:
        os.close(other)


def test_an_in_memory_database_has_no_writer_queue_file() -> None:
    assert writer_queue.writer_queue_path(":memory:") is None
    assert writer_queue.writer_queue_path("file:memorydb_default?mode=memory&cache=shared") is None
