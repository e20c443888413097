"""A rush on a joint stand: 30 applications at once for 10 places, exactly 10 accepted and
the other 20 on the waiting list."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connections

from clusterhub.events.tests.conftest import database_file_for_threads
from clusterhub.support import fairs
from clusterhub.support.models import CoExhibitor
from tests.factories import OrganisationFactory
from tests.support.registry import Registry

from .fair_fixtures import make_stand

APPLICANTS = 30
PLACES = 10


@pytest.fixture
def shared_database(transactional_db: None, tmp_path: Path) -> Iterator[None]:
    with database_file_for_threads(tmp_path):
        yield


def test_thirty_applications_at_once_fill_exactly_the_ten_places(
    shared_database: None, registry: Registry
) -> None:
    stand = make_stand(registry.smart, places=PLACES)
    organisations = [OrganisationFactory.create(name=f"Aussteller {i}") for i in range(APPLICANTS)]
    manager = registry.users["smart_manager"]
    start_together = threading.Barrier(APPLICANTS)

    def apply(index: int) -> str:
        try:
            start_together.wait(timeout=60)
            application = fairs.Application(organisation=organisations[index])
            return fairs.apply_for_stand(manager, stand, application).status
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=APPLICANTS) as pool:
        outcomes = Counter(pool.map(apply, range(APPLICANTS)))

    assert outcomes == {"accepted": PLACES, "waiting": APPLICANTS - PLACES}
    assert CoExhibitor.objects.filter(status="accepted").count() == PLACES
    # The waiting list keeps the order of application: those who waited applied after every
    # accepted one.
    rows = list(CoExhibitor.objects.order_by("applied_at", "pk").values_list("status", flat=True))
    assert rows == ["accepted"] * PLACES + ["waiting"] * (APPLICANTS - PLACES)
