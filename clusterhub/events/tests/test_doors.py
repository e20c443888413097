"""Staff reach a registration only through its event's door; mailed links through their token."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from clusterhub.events import services
from clusterhub.events.access import get_registration_for_user, registration_for_token
from tests.support.events import make_event, person_data
from tests.support.registry import Registry

pytestmark = pytest.mark.django_db


def test_a_registration_is_changed_only_by_the_managers_of_its_event(registry: Registry) -> None:
    event = make_event()
    event.clusters.add(registry.medtech)
    registration = services.register_participant(event, person_data(1))
    manager = registry.users["medtech_manager"]
    found = get_registration_for_user(manager, registration.pk, write=True)
    assert found == registration
    assert found.event == event
    with pytest.raises(PermissionDenied):
        get_registration_for_user(registry.users["smart_manager"], registration.pk, write=True)
    with pytest.raises(Http404):
        get_registration_for_user(registry.users["member"], registration.pk)
    with pytest.raises(Http404):
        get_registration_for_user(manager, registration.pk + 1000)


def test_a_mailed_link_finds_its_registration_and_nothing_else(registry: Registry) -> None:
    registration = services.register_participant(make_event(), person_data(1))
    assert registration_for_token(registration.token) == registration
    assert registration_for_token("unbekannt") is None
