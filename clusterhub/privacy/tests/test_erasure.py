"""Erasure anonymises everywhere, kills links, owed mails and the check-in code, is audited,
and leaves a tombstone that the registration review (and imports) consult."""

from __future__ import annotations

from collections.abc import Callable

from django.core import mail
from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Person
from clusterhub.events import outbox, review
from clusterhub.events import services as event_services
from clusterhub.events.checkin import checkin_signature
from clusterhub.events.models import EventMail, Registration
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant
from clusterhub.privacy import services, tombstones
from clusterhub.privacy.models import ErasedEmail
from clusterhub.privacy.tests.conftest import Story
from tests.support.events import person_data
from tests.support.registry import Registry

Login = Callable[[str], Client]


def test_erasure_keeps_meetings_and_counts_but_no_names(story: Story, registry: Registry) -> None:
    services.erase_person(registry.users["smart_manager"], story.person)
    assert Meeting.objects.filter(pk=story.meeting.pk).exists()
    assert MeetingRequest.objects.get(pk=story.meeting.request_id).message == ""
    participant = Participant.objects.get(registration=story.registration)
    assert participant.offers == ""
    registration = Registration.objects.get(pk=story.registration.pk)
    assert registration.email == "" and "Teilnehmerin1" not in registration.full_name
    assert Registration.objects.filter(event=story.event).count() == 2


def test_erasure_leaves_a_salted_tombstone_not_the_address(
    story: Story, registry: Registry
) -> None:
    services.erase_person(registry.users["admin"], story.person)
    assert tombstones.is_erased_email(" ANNA1@example.org ")
    assert not tombstones.is_erased_email("anna2@example.org")
    stored = list(ErasedEmail.objects.values_list("email_hash", flat=True))
    assert "anna1@example.org" not in "".join(stored)
    assert len(stored) == 1  # person and registration had the same address: one tombstone


def test_the_tombstone_hash_depends_on_the_installations_key(settings: object) -> None:
    first = tombstones.email_hash("anna@example.org")
    settings.CLUSTERHUB_TOMBSTONE_SALT = "another key"  # type: ignore[attr-defined]
    assert tombstones.email_hash("anna@example.org") != first


def test_owed_mails_are_dropped_and_never_sent(story: Story, registry: Registry) -> None:
    owed = EventMail.objects.create(registration=story.registration, kind=EventMail.Kind.REMINDER)
    services.erase_person(registry.users["admin"], story.person)
    mail.outbox.clear()
    assert outbox.deliver(owed.pk) is False
    assert mail.outbox == []
    assert EventMail.objects.get(pk=owed.pk).skipped


def test_the_old_check_in_code_stops_working(
    story: Story, registry: Registry, login: Login
) -> None:
    old_code = checkin_signature(story.registration)
    url = reverse("events:checkin", args=[old_code])
    client = login("smart_manager")
    assert client.get(url).status_code == 200
    services.erase_person(registry.users["admin"], story.person)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Registration.objects.get(pk=story.registration.pk).checked_in_at is not None


def test_the_erasure_is_audited(story: Story, registry: Registry, login: Login) -> None:
    login("smart_manager").post(reverse("privacy:person_erase", args=[story.person.pk]))
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ERASE)
    assert entry.object_id == str(story.person.pk)
    assert entry.actor_id == registry.users["smart_manager"].pk


def test_a_later_registration_review_does_not_bring_the_person_back(
    story: Story, registry: Registry
) -> None:
    services.erase_person(registry.users["admin"], story.person)
    event_services.register_participant(story.event, person_data(9, email="Anna1@Example.org"))
    again = Registration.objects.get(event=story.event, email="Anna1@Example.org")
    assert again.person_id is None
    people_before = Person.objects.count()
    try:
        review.review_registrant(
            registry.users["smart_manager"], again, person=review.NEW, organisation=review.KEEP
        )
    except review.ReviewRefused as refusal:
        assert "gelöscht" in str(refusal)
    else:
        raise AssertionError("the review created an erased person again")
    assert Person.objects.count() == people_before


def test_an_unlinked_registrant_is_found_exported_and_erased_by_address(
    story: Story, registry: Registry, login: Login
) -> None:
    event_services.register_participant(
        story.event, person_data(5, email="gast@example.org", last_name="Gastmann")
    )
    guest = Registration.objects.get(email="gast@example.org")
    assert guest.person_id is None
    client = login("smart_manager")
    page = client.post(reverse("privacy:registrants"), {"email": "GAST@example.org"})
    assert "Gastmann" in page.content.decode()
    exported = client.post(reverse("privacy:registrant_export"), {"email": "gast@example.org"})
    data = exported.json()
    assert [r["last_name"] for r in data["registrations"]] == ["Gastmann"]
    pdf = client.post(
        reverse("privacy:registrant_export"), {"email": "gast@example.org", "format": "pdf"}
    )
    assert pdf.content.startswith(b"%PDF")

    client.post(reverse("privacy:registrant_erase"), {"email": "gast@example.org"})

    guest.refresh_from_db()
    assert guest.email == "" and "Gastmann" not in guest.full_name
    assert tombstones.is_erased_email("gast@example.org")
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.ERASE, object_type="events.registration", object_id=str(guest.pk)
    ).exists()
    stored = str(list(AuditEntry.objects.values_list("changes", "object_repr")))
    assert "Gastmann" not in stored


def test_another_clusters_manager_finds_no_registrant_of_ours(story: Story, login: Login) -> None:
    event_services.register_participant(
        story.event, person_data(5, email="gast@example.org", last_name="Gastmann")
    )
    client = login("medtech_manager")
    page = client.post(reverse("privacy:registrants"), {"email": "gast@example.org"})
    assert "Gastmann" not in page.content.decode()
    client.post(reverse("privacy:registrant_erase"), {"email": "gast@example.org"})
    assert Registration.objects.get(email="gast@example.org").last_name == "Gastmann"
