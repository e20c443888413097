"""A person belongs to the clusters that brought them in; the DSGVO export shows only what the
viewer's clusters may read, and the erasure anonymises without changing figures or taking
another participant's meeting request with it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.directory.models import Person
from clusterhub.events import services as event_services
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.statistics import event_statistics
from clusterhub.matchmaking.models import MeetingRequest, Participant
from tests.factories import InteractionFactory
from tests.support.events import make_event, person_data

Login = Callable[[str], Client]


@pytest.fixture
def smart_event(registry: Registry) -> Event:
    event = make_event(capacity=5, title="Smart-Industries-Forum")
    event.clusters.add(registry.smart)
    return event


def register(event: Event, index: int) -> Registration:
    """A person of the registry registers; the exact match links the registration to them."""
    data = person_data(index)
    Person.objects.create(first_name=data.first_name, last_name=data.last_name, email=data.email)
    event_services.register_participant(event, data)
    return Registration.objects.get(event=event, person__email=f"anna{index}@example.org")


def registrant_of(registration: Registration) -> Person:
    assert registration.person is not None
    return registration.person


@pytest.mark.parametrize(
    ("url_name", "method"),
    [
        ("directory:person_detail", "get"),
        ("directory:person_edit", "get"),
        ("privacy:person_export", "get"),
        ("privacy:person_erase", "post"),
    ],
)
def test_a_registrant_belongs_to_the_clusters_of_the_event(
    login: Login, smart_event: Event, url_name: str, method: str
) -> None:
    """Who only registered for a Smart event is no business of the MedTech manager."""
    person = registrant_of(register(smart_event, 1))
    url = reverse(url_name, args=[person.pk])
    assert getattr(login("medtech_manager"), method)(url).status_code == 403
    assert Person.objects.get(pk=person.pk).erased_at is None
    assert getattr(login("smart_manager"), method)(url).status_code in {200, 302}


def test_the_people_list_of_a_manager_shows_her_clusters_people_only(
    login: Login, registry: Registry, smart_event: Event
) -> None:
    person = registrant_of(register(smart_event, 1))
    medtech_list = login("medtech_manager").get(reverse("directory:person_list")).content.decode()
    smart_list = login("smart_manager").get(reverse("directory:person_list")).content.decode()
    assert person.last_name not in medtech_list
    assert person.last_name in smart_list
    assert registry.person.last_name in smart_list


def test_a_note_naming_the_person_brings_them_into_that_cluster(
    login: Login, registry: Registry, smart_event: Event
) -> None:
    person = registry.person
    url = reverse("directory:person_edit", args=[person.pk])
    assert login("medtech_manager").get(url).status_code == 403
    InteractionFactory.create(
        cluster=registry.medtech, organisation=registry.smart_member, person=person
    )
    assert login("medtech_manager").get(url).status_code == 200


def test_the_export_has_no_notes_of_other_clusters(login: Login, registry: Registry) -> None:
    person = registry.person
    InteractionFactory.create(
        cluster=registry.medtech,
        organisation=registry.smart_member,
        person=person,
        subject="Vertrauliches MedTech-Gespräch",
        notes="Nur MedTech.",
    )
    InteractionFactory.create(
        cluster=registry.smart,
        organisation=registry.smart_member,
        person=person,
        subject="Smart-Besuch",
        notes="Notiz des Smart-Teams.",
    )
    response = login("smart_manager").get(reverse("privacy:person_export", args=[person.pk]))
    text = response.content.decode()
    data = json.loads(text)
    assert "MedTech" not in text
    assert [note["notes"] for note in data["interactions"]] == ["Notiz des Smart-Teams."]


def test_the_export_has_registrations_mails_and_matchmaking(
    login: Login, registry: Registry, smart_event: Event
) -> None:
    mine, other = register(smart_event, 1), register(smart_event, 2)
    EventMail.objects.get_or_create(registration=mine, kind=EventMail.Kind.CONFIRMATION)
    me = Participant.objects.create(event=smart_event, registration=mine, offers="Sensorik")
    partner = Participant.objects.create(event=smart_event, registration=other)
    MeetingRequest.objects.create(
        event=smart_event,
        sender=me,
        recipient=partner,
        message="Treffen?",
        expires_at=timezone.now() + dt.timedelta(days=2),
    )
    response = login("smart_manager").get(
        reverse("privacy:person_export", args=[registrant_of(mine).pk])
    )
    data = json.loads(response.content)
    [registration] = data["registrations"]
    assert registration["event"] == "Smart-Industries-Forum"
    assert "confirmation" in [mail["kind"] for mail in registration["mails"]]
    assert registration["matchmaking"]["offers"] == "Sensorik"
    assert registration["matchmaking"]["requests_sent"][0]["message"] == "Treffen?"
    assert "anna2@example.org" not in response.content.decode()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.list_name, entry.row_count) == ("Personendaten (JSON)", 1)


def test_erasure_keeps_the_figures_and_the_other_participants_request(
    login: Login, registry: Registry, smart_event: Event
) -> None:
    mine, other = register(smart_event, 1), register(smart_event, 2)
    mine.status = Registration.Status.ATTENDED
    mine.save()
    me = Participant.objects.create(event=smart_event, registration=mine)
    partner = Participant.objects.create(event=smart_event, registration=other)
    theirs = MeetingRequest.objects.create(
        event=smart_event,
        sender=partner,
        recipient=me,
        message="Gern ein Gespräch",
        expires_at=timezone.now() + dt.timedelta(days=2),
    )
    before = event_statistics(smart_event)
    old_token = mine.token

    login("smart_manager").post(reverse("privacy:person_erase", args=[registrant_of(mine).pk]))

    after = event_statistics(smart_event)
    assert (after.registered, after.attendance_rate) == (before.registered, before.attendance_rate)
    assert Registration.objects.filter(event=smart_event).count() == 2
    theirs.refresh_from_db()
    assert theirs.message == "Gern ein Gespräch" and theirs.recipient_id == me.pk
    mine.refresh_from_db()
    assert mine.token != old_token  # the old cancel and feedback links die
    # What was typed on the registration goes too.
    assert mine.email == "" and "Teilnehmerin1" not in mine.full_name


def test_erasure_scrubs_the_name_from_earlier_audit_entries(
    login: Login, registry: Registry
) -> None:
    person = registry.person
    client = login("smart_manager")
    names = {"first_name": "Jördis", "preferred_language": "de"}
    client.post(
        reverse("directory:person_edit", args=[person.pk]),
        {**names, "last_name": "Überall", "email": "joerdis@example.org"},
    )
    client.post(
        reverse("directory:person_edit", args=[person.pk]),
        {**names, "last_name": "Überall-Neu", "email": "j.neu@example.org"},
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count() == 2

    client.post(reverse("privacy:person_erase", args=[person.pk]))

    stored = json.dumps(
        list(AuditEntry.objects.values_list("changes", "object_repr")), ensure_ascii=False
    )
    for value in ("Jördis", "Überall", "joerdis@example.org", "j.neu@example.org"):
        assert value not in stored
    assert "[gelöscht]" in stored
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.ERASE, object_id=str(person.pk)
    ).exists()
