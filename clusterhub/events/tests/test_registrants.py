"""What a registration makes of the registry: exact matches only, and members-only access."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.directory.models import Consent, Organisation, Person
from clusterhub.events import services
from clusterhub.events.models import Event, Invitation, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Jana",
    "last_name": "Becker",
    "email": "jana.becker@example.org",
    "organisation": "",
    "country": "DE",
    "consent": "on",
}


def register(event: Event, index: int, **fields: Any) -> Registration:
    return services.register_participant(event, person_data(index, **fields))


def test_same_address_and_name_link_the_registry_person_with_the_events_consent(
    event: Event,
) -> None:
    known = PersonFactory.create(first_name="Anna", last_name="Teilnehmerin1")
    registration = register(event, 1, email=known.email.upper(), first_name=" anna ")
    assert registration.person == known
    consent = registration.consent
    assert consent is not None and consent.person == known
    assert consent.purpose == Consent.Purpose.EVENTS
    assert consent.source == "Anmeldung Social Innovation Bar"


def test_a_known_address_under_another_name_is_not_linked(event: Event) -> None:
    known = PersonFactory.create(first_name="Anna", last_name="Schmidt")
    people = Person.objects.count()
    registration = register(event, 1, email=known.email)
    assert registration.person is None and registration.consent is None
    assert registration.recipient == known.email
    assert Person.objects.count() == people


def test_only_an_exact_organisation_name_is_linked(event: Event) -> None:
    known = OrganisationFactory.create(name="Pepperl+Fuchs", status=Organisation.Status.MEMBER)
    organisations = Organisation.objects.count()
    exact = register(event, 1, organisation_name="  PEPPERL+FUCHS ")
    typo = register(event, 2, organisation_name="Peperl und Fuchs")
    unknown = register(event, 3, organisation_name="Quartiersküche Neckarstadt eG")
    assert exact.organisation == known
    assert (typo.organisation, typo.organisation_name) == (None, "Peperl und Fuchs")
    assert unknown.organisation is None
    assert Organisation.objects.count() == organisations


def test_members_only_event_refuses_a_typed_member_name_with_a_clear_message(
    client: Client, registry: Registry
) -> None:
    event = make_event(audience=Event.Audience.MEMBERS)
    event.clusters.add(registry.smart)
    url = reverse("events:detail", args=[event.pk])
    response = client.post(url, {**FORM, "organisation": "Pepperl+Fuchs"})
    assert response.status_code == 200
    assert "Der Name einer Organisation allein genügt nicht" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    # The page says so before anyone types: no form, the way in instead.
    page = client.get(url).content.decode()
    assert "Einladungslink" in page and "Verbindlich anmelden" not in page


def test_members_only_event_accepts_an_invitation_link(registry: Registry, client: Client) -> None:
    event = make_event(audience=Event.Audience.MEMBERS)
    event.clusters.add(registry.smart)
    person = registry.person
    invitation = Invitation.objects.create(event=event, person=person)
    form = {**FORM, "first_name": person.first_name, "last_name": person.last_name}
    response = client.post(
        reverse("events:invitation", args=[invitation.token]), {**form, "email": person.email}
    )
    assert response["Location"] == reverse("events:check_mail")
    registration = Registration.objects.get(event=event)
    assert registration.person == person


def test_members_only_event_accepts_a_member_editor_of_its_cluster(
    registry: Registry, login: Any
) -> None:
    event = make_event(audience=Event.Audience.MEMBERS)
    event.clusters.add(registry.medtech)
    response = login("member").post(reverse("events:detail", args=[event.pk]), FORM)
    assert response["Location"] == reverse("events:check_mail")
    registration = Registration.objects.get(event=event)
    assert registration.organisation == registry.medtech_member


def test_members_only_event_refuses_a_member_editor_of_another_cluster(
    registry: Registry, login: Any
) -> None:
    event = make_event(audience=Event.Audience.MEMBERS)
    event.clusters.add(registry.smart)
    response = login("member").post(reverse("events:detail", args=[event.pk]), FORM)
    assert response.status_code == 200
    assert "Mitgliedern der Cluster vorbehalten" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_staff_may_still_add_anyone_to_a_members_only_event(registry: Registry) -> None:
    event = make_event(audience=Event.Audience.MEMBERS)
    registration = services.register_participant(event, person_data(1), by_staff=True)
    assert registration.status == Registration.Status.CONFIRMED
