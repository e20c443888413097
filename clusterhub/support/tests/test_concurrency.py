"""A rush on one consultation slot: 50 founders at once, exactly one booking."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connections

from clusterhub.events.tests.conftest import database_file_for_threads
from clusterhub.support import services
from clusterhub.support.models import Booking

from .conftest import make_offer

CLIENTS = 50


@pytest.fixture
def shared_database(transactional_db: None, tmp_path: Path) -> Iterator[None]:
    with database_file_for_threads(tmp_path):
        yield


@pytest.mark.usefixtures("shared_database")
def test_fifty_founders_on_one_slot_make_exactly_one_booking() -> None:
    offer = make_offer()
    slot = services.free_slots(offer)[0]
    start_together = threading.Barrier(CLIENTS)

    def book(index: int) -> str:
        request = services.BookingRequest(
            name=f"Gründerin {index}", email=f"g{index}@example.org", topic="Gründung"
        )
        try:
            start_together.wait(timeout=60)
            services.book_consultation(offer, slot.key, request)
            return "booked"
        except services.BookingRefused:
            return "refused"
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        outcomes = Counter(pool.map(book, range(CLIENTS)))

    assert outcomes == {"booked": 1, "refused": CLIENTS - 1}
    assert Booking.objects.filter(starts_at=slot.starts_at).count() == 1
