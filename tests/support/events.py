"""Event fixtures for every app's tests (events, matchmaking): an open event, registration
data, and tasks that run at once. Registered once by the root ``conftest.py``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
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
