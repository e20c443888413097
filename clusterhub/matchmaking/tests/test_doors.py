"""Organisers reach an event's participants, runs and tables only through matchmaking.access."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from clusterhub.matchmaking.access import (
    get_participant_for_user,
    get_schedule_run_for_user,
    table_for_participant,
)
from clusterhub.matchmaking.models import Table
from clusterhub.matchmaking.tests.conftest import Brokerage
from tests.support.events import make_event
from tests.support.registry import Registry

pytestmark = pytest.mark.django_db


def test_a_participant_opens_for_the_managers_of_its_event_only(
    registry: Registry, brokerage: Brokerage
) -> None:
    event, participant = brokerage.event, brokerage.participants[0]
    manager = registry.users["medtech_manager"]
    found = get_participant_for_user(manager, event.pk, participant.pk, write=True)
    assert found == participant
    assert found.event == event
    with pytest.raises(PermissionDenied):
        get_participant_for_user(
            registry.users["smart_manager"], event.pk, participant.pk, write=True
        )
    other = make_event(title="Anderes Treffen")
    with pytest.raises(Http404):
        get_participant_for_user(registry.users["admin"], other.pk, participant.pk)


def test_a_run_of_no_such_event_is_not_found(registry: Registry, brokerage: Brokerage) -> None:
    with pytest.raises(Http404):
        get_schedule_run_for_user(registry.users["admin"], brokerage.event.pk, 1, write=True)


def test_a_participant_books_only_tables_of_their_own_event(brokerage: Brokerage) -> None:
    participant = brokerage.participants[0]
    assert table_for_participant(participant, brokerage.tables[0].pk) == brokerage.tables[0]
    elsewhere = Table.objects.create(event=make_event(title="Anderes Treffen"), label="X1")
    assert table_for_participant(participant, elsewhere.pk) is None
