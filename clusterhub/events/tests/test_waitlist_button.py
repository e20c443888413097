"""A full event's page says what the button does: it puts the person on the waitlist."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.events import services
from clusterhub.events.tests.conftest import make_event, person_data

pytestmark = pytest.mark.django_db


def test_full_event_button_says_waitlist_and_a_free_one_says_register(client: Client) -> None:
    event = make_event(capacity=1)
    url = reverse("events:detail", args=[event.pk])
    assert "Verbindlich anmelden" in client.get(url).content.decode()

    services.register_participant(event, person_data(1))
    page = client.get(url).content.decode()
    assert "Auf die Warteliste" in page
    assert "Verbindlich anmelden" not in page
