"""A person of the registry who did everything the site stores something about: registered
(checked in, gave feedback, got mails), took part in matchmaking (a request, a meeting), was
named in a note with a follow-up and an introduction, and had their record changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from clusterhub.audit import services as audit
from clusterhub.directory.models import Person
from clusterhub.events import services as event_services
from clusterhub.events.models import Event, EventMail, Feedback, Registration
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant, Table
from clusterhub.partners.models import Introduction
from tests.factories import FollowUpFactory, InteractionFactory
from tests.support.events import make_event, person_data
from tests.support.registry import Registry


def register(event: Event, index: int, **typed: str) -> Registration:
    """A person of the registry registers; the exact match links the registration to them."""
    data = person_data(index, **typed)
    Person.objects.create(first_name=data.first_name, last_name=data.last_name, email=data.email)
    event_services.register_participant(event, data)
    return Registration.objects.get(event=event, email=data.email)


@dataclass
class Story:
    event: Event
    person: Person
    registration: Registration
    other: Registration
    meeting: Meeting


@pytest.fixture
def story(registry: Registry) -> Story:
    event = make_event(capacity=5, title="Smart-Industries-Forum")
    event.clusters.add(registry.smart)
    mine, other = register(event, 1), register(event, 2)
    person = mine.person
    assert person is not None
    mine.checked_in_at = timezone.now()
    mine.save(update_fields=["checked_in_at"])
    Feedback.objects.create(registration=mine, rating=5, comment="Sehr hilfreich")
    EventMail.objects.get_or_create(registration=mine, kind=EventMail.Kind.CONFIRMATION)
    me = Participant.objects.create(event=event, registration=mine, offers="Sensorik")
    partner = Participant.objects.create(event=event, registration=other)
    request = MeetingRequest.objects.create(
        event=event,
        sender=me,
        recipient=partner,
        message="Treffen?",
        status=MeetingRequest.Status.ACCEPTED,
        expires_at=timezone.now() + dt.timedelta(days=2),
    )
    table = Table.objects.create(event=event, label="T07")
    meeting = Meeting.objects.create(event=event, request=request, slot_id="s1", table=table)
    note = InteractionFactory.create(
        cluster=registry.smart,
        organisation=registry.smart_member,
        person=person,
        subject="Besuch in der Fertigung",
    )
    FollowUpFactory.create(interaction=note, description="Angebot schicken")
    introduction = Introduction.objects.create(
        cluster=registry.smart,
        organisation=registry.smart_member,
        partner=registry.medtech_member,
        introduced_on=dt.date(2026, 11, 20),
    )
    introduction.interactions.add(note)
    audit.record_view(registry.users["smart_manager"], person)
    return Story(event, person, mine, other, meeting)
