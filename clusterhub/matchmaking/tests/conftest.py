"""Fixtures: a MedTech event with a matchmaking session (three slots, a break) and tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from clusterhub.conftest import Registry
from clusterhub.events import services as event_services
from clusterhub.events.models import Event
from clusterhub.matchmaking import services
from clusterhub.matchmaking.models import MatchmakingSession, Participant, Table
from clusterhub.partners import index_store
from tests.support.events import make_event, person_data

DAY = dt.date(2027, 5, 12)


@pytest.fixture(autouse=True)
def private_partner_index(settings: Any) -> Iterator[None]:
    """The participant list asks the partner index; each test starts without one loaded (its
    database holds none) and runs background tasks at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    index_store.forget_loaded()
    yield
    index_store.forget_loaded()


@dataclass
class Brokerage:
    event: Event
    session: MatchmakingSession
    tables: list[Table]
    participants: list[Participant]


def add_session(event: Event, **fields: object) -> MatchmakingSession:
    values: dict[str, object] = {
        "name": "Vormittag",
        "date": DAY,
        "starts_at": dt.time(9, 0),
        "ends_at": dt.time(10, 20),
        "slot_minutes": 20,
        "break_starts_at": dt.time(9, 40),
        "break_ends_at": dt.time(10, 0),
    }
    values.update(fields)
    return MatchmakingSession.objects.create(event=event, **values)


@pytest.fixture
def brokerage(registry: Registry) -> Brokerage:
    """Slots 2027-05-12T0900, …T0920 and …T1000 (09:40–10:00 is a break), two tables,
    three people."""
    event = make_event(
        capacity=10,
        title="MedTech-Matchmaking",
        # The event's own day, so that its links expire after it, not before the sessions.
        starts_at=dt.datetime(2027, 5, 12, 7, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2027, 5, 12, 16, 0, tzinfo=dt.UTC),
    )
    event.clusters.add(registry.medtech)
    for index in range(3):
        event_services.register_participant(
            event, person_data(index, organisation_name=f"Firma {index}")
        )
    participants = sorted(services.enroll_registrations(event), key=lambda p: p.pk)
    session = add_session(event)
    tables = [Table.objects.create(event=event, label=label) for label in ("T01", "T02")]
    return Brokerage(event=event, session=session, tables=tables, participants=participants)
