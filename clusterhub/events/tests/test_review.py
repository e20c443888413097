"""Anmeldungen prüfen: the queue, its duplicate candidates, and staff's three decisions."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.directory.models import Consent, Organisation, Person
from clusterhub.events import review, services
from clusterhub.events.models import Event, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def medtech_event(registry: Registry) -> Event:
    event = make_event(capacity=5, title="MedTech-Frühstück")
    event.clusters.add(registry.medtech)
    return event


def typed(event: Event, **fields: Any) -> Registration:
    data = {"first_name": "Jana", "last_name": "Bekker", "email": "jana@example.org"}
    return services.register_participant(event, person_data(1, **{**data, **fields}))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("medtech_manager", 200),
        ("smart_manager", 403),
        ("reader", 403),
        ("member", 403),
        ("anonymous", 302),
    ],
)
def test_only_those_who_manage_the_event_see_its_queue(
    login: Any, medtech_event: Event, role: str, status: int
) -> None:
    typed(medtech_event)
    response = login(role).get(reverse("events:review", args=[medtech_event.pk]))
    assert response.status_code == status


def test_the_queue_shows_typed_data_with_the_closest_registry_records(
    login: Any, registry: Registry, medtech_event: Event
) -> None:
    close = PersonFactory.create(first_name="Jana", last_name="Becker", email="jb@example.org")
    PersonFactory.create(first_name="Otto", last_name="Bechtle")
    registration = typed(medtech_event, organisation_name="Pepperl & Fuchs")

    [item] = review.review_queue(medtech_event)
    page = login("medtech_manager").get(reverse("events:review", args=[medtech_event.pk]))

    assert item.registration == registration
    assert [candidate.pk for candidate in item.person_candidates] == [close.pk]
    assert [c.pk for c in item.organisation_candidates] == [registry.smart_member.pk]
    text = page.content.decode()
    assert "Jana Bekker" in text and "Pepperl &amp; Fuchs" in text
    assert "Jana Becker &lt;jb@example.org&gt;" in text


def test_linking_an_existing_person_and_organisation_records_consent_and_audit(
    login: Any, registry: Registry, medtech_event: Event
) -> None:
    close = PersonFactory.create(first_name="Jana", last_name="Becker")
    registration = typed(medtech_event, organisation_name="Pepperl & Fuchs")

    response = login("medtech_manager").post(
        reverse("events:review_registrant", args=[registration.pk]),
        {"person": str(close.pk), "organisation": str(registry.smart_member.pk)},
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.person, registration.organisation) == (close, registry.smart_member)
    assert registration.consent is not None and registration.consent.person == close
    assert registration.consent.purpose == Consent.Purpose.EVENTS
    # The typed data stays as it was typed.
    assert (registration.last_name, registration.email) == ("Bekker", "jana@example.org")
    entry = AuditEntry.objects.filter(object_id=str(registration.pk)).latest("pk")
    assert entry.changes["person"] == [None, close.pk]
    assert not review.pending_registrations(medtech_event).exists()


def test_creating_new_records_takes_the_typed_data(
    login: Any, registry: Registry, medtech_event: Event
) -> None:
    registration = typed(medtech_event, organisation_name="Quartiersküche Neckarstadt eG")
    login("medtech_manager").post(
        reverse("events:review_registrant", args=[registration.pk]),
        {"person": review.NEW, "organisation": review.NEW},
    )
    registration.refresh_from_db()
    assert registration.person is not None and registration.organisation is not None
    assert (registration.person.full_name, registration.person.email) == (
        "Jana Bekker",
        "jana@example.org",
    )
    assert registration.organisation.name == "Quartiersküche Neckarstadt eG"
    assert registration.organisation.status == Organisation.Status.PROSPECT


def test_keeping_the_data_on_the_registration_writes_nothing_to_the_registry(
    login: Any, registry: Registry, medtech_event: Event
) -> None:
    registration = typed(medtech_event, organisation_name="Quartiersküche Neckarstadt eG")
    counts = Person.objects.count(), Organisation.objects.count()
    login("medtech_manager").post(
        reverse("events:review_registrant", args=[registration.pk]),
        {"person": review.KEEP, "organisation": review.KEEP},
    )
    registration.refresh_from_db()
    assert (registration.person, registration.organisation) == (None, None)
    assert registration.registry_reviewed_at is not None
    assert (Person.objects.count(), Organisation.objects.count()) == counts
    assert not review.pending_registrations(medtech_event).exists()


def test_a_manager_of_another_cluster_cannot_decide(
    login: Any, registry: Registry, medtech_event: Event
) -> None:
    registration = typed(medtech_event)
    response = login("smart_manager").post(
        reverse("events:review_registrant", args=[registration.pk]),
        {"person": review.NEW, "organisation": review.KEEP},
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.person is None and registration.registry_reviewed_at is None


def test_deciding_is_post_only(login: Any, medtech_event: Event) -> None:
    registration = typed(medtech_event)
    url = reverse("events:review_registrant", args=[registration.pk])
    assert login("medtech_manager").get(url).status_code == 405
