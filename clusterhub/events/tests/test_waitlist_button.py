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


def test_the_invitation_page_of_a_full_event_also_says_waitlist(client: Client) -> None:
    from clusterhub.directory.models import Person
    from clusterhub.events.models import Event, Invitation

    event = make_event(capacity=1, audience=Event.Audience.INVITATION)
    person = Person.objects.create(first_name="Ida", last_name="Gast", email="ida@example.org")
    invitation = Invitation.objects.create(event=event, person=person)
    url = reverse("events:invitation", args=[invitation.token])
    assert "Verbindlich anmelden" in client.get(url).content.decode()

    services.register_participant(event, person_data(1), by_staff=True)
    page = client.get(url).content.decode()
    assert "Auf die Warteliste" in page
    assert "Verbindlich anmelden" not in page
