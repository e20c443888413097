"""Invitations to a segment of the registry: who is chosen, the count, no one twice, the link."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.directory.models import Consent, Organisation, Person
from clusterhub.events import invitations, services
from clusterhub.events.invitations import Segment
from clusterhub.events.models import Event, EventMail, Invitation, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.factories import (
    AffiliationFactory,
    ConsentFactory,
    MembershipFactory,
    OrganisationFactory,
    ThemeFactory,
)
from tests.support.mail import ReceivedMail

ADDRESS_NUMBERS = itertools.count(1)
Login = Callable[[str], Client]
Capture = Callable[..., Any]


def affiliated(organisation: Organisation, purpose: str | None, **consent: Any) -> Person:
    # Plain ASCII addresses: Faker's umlaut names make addresses the e-mail field refuses.
    email = f"kontakt{next(ADDRESS_NUMBERS)}@example.org"
    person = AffiliationFactory.create(organisation=organisation, person__email=email).person
    if purpose is not None:
        ConsentFactory.create(person=person, purpose=purpose, **consent)
    return person


@pytest.fixture
def medtech_people(registry: Registry) -> dict[str, Person]:
    """People at MedTech member organisations with every kind of consent, or none."""
    clinic = OrganisationFactory.create(name="Klinikum Nord", kind=Organisation.Kind.PUBLIC)
    MembershipFactory.create(organisation=clinic, cluster=registry.medtech)
    return {
        "newsletter": affiliated(registry.medtech_member, Consent.Purpose.NEWSLETTER),
        "events": affiliated(clinic, Consent.Purpose.EVENTS),
        "withdrawn": affiliated(clinic, Consent.Purpose.NEWSLETTER, withdrawn_at=timezone.now()),
        "matching_only": affiliated(clinic, Consent.Purpose.MATCHING),
        "no_consent": affiliated(clinic, None),
    }


def test_a_cluster_segment_holds_only_people_with_an_active_invitation_consent(
    registry: Registry, medtech_people: dict[str, Person]
) -> None:
    chosen = set(invitations.segment_people(Segment(cluster=registry.medtech)))
    assert chosen == {medtech_people["newsletter"], medtech_people["events"]}


def test_theme_and_kind_narrow_the_segment(
    registry: Registry, medtech_people: dict[str, Person]
) -> None:
    health = ThemeFactory.create(slug="gesundheit")
    registry.medtech_member.themes.add(health)

    by_theme = set(invitations.segment_people(Segment(theme=health)))
    by_kind = set(invitations.segment_people(Segment(kind=Organisation.Kind.PUBLIC)))
    both = set(
        invitations.segment_people(Segment(cluster=registry.medtech, kind=Organisation.Kind.PUBLIC))
    )

    assert by_theme == {medtech_people["newsletter"]}
    assert by_kind == {medtech_people["events"]}
    assert both == {medtech_people["events"]}


def test_sending_twice_invites_no_one_twice_and_the_mails_arrive(
    registry: Registry,
    medtech_people: dict[str, Person],
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    event = make_event(title="Geschlossene Runde", audience=Event.Audience.INVITATION)
    segment = Segment(cluster=registry.medtech)
    assert invitations.preview_invitations(event, segment).to_invite == 2

    with django_capture_on_commit_callbacks(execute=True):
        first = invitations.send_invitations(registry.users["admin"], event, segment)
    with django_capture_on_commit_callbacks(execute=True):
        second = invitations.send_invitations(registry.users["admin"], event, segment)

    assert len(first) == 2 and second == []
    assert invitations.preview_invitations(event, segment).already_invited == 2
    assert sorted(message["To"] for message in smtp_server.messages) == sorted(
        person.email for person in (medtech_people["newsletter"], medtech_people["events"])
    )
    assert all(
        message["Subject"] == "Einladung: Geschlossene Runde" for message in smtp_server.messages
    )
    assert (
        EventMail.objects.filter(kind=EventMail.Kind.INVITATION, sent_at__isnull=False).count() == 2
    )


def test_people_already_registered_are_not_invited(
    registry: Registry, medtech_people: dict[str, Person]
) -> None:
    event = make_event()
    person = medtech_people["events"]
    # The typed name and address equal the registry's: the registration is this person's.
    services.register_participant(
        event,
        person_data(
            9, first_name=person.first_name, last_name=person.last_name, email=person.email
        ),
    )

    preview = invitations.preview_invitations(event, Segment(cluster=registry.medtech))
    sent = invitations.send_invitations(None, event, Segment(cluster=registry.medtech))

    assert preview.already_registered == 1 and preview.to_invite == 1
    assert [invitation.person for invitation in sent] == [medtech_people["newsletter"]]


def test_the_staff_page_shows_the_count_before_sending(
    login: Login, registry: Registry, medtech_people: dict[str, Person]
) -> None:
    event = make_event()
    event.clusters.add(registry.medtech)
    url = reverse("events:invite", args=[event.pk])
    assert login("smart_manager").get(url).status_code == 403

    client = login("medtech_manager")
    preview = client.get(url, {"cluster": registry.medtech.pk}).content.decode()
    assert "Neu eingeladen würden 2 Personen" in preview
    assert not Invitation.objects.exists()

    nothing_chosen = client.post(url, {"send": "1"}).content.decode()
    assert "Bitte wählen Sie einen Cluster" in nothing_chosen
    client.post(url, {"cluster": registry.medtech.pk, "send": "1", "confirmed_count": "2"})
    assert Invitation.objects.filter(event=event).count() == 2


def test_inviting_to_a_full_event_warns_counts_the_waitlist_and_shows_the_mail(
    login: Login, registry: Registry, medtech_people: dict[str, Person]
) -> None:
    # The pilot's case: 3 of 3 places taken and 2 on the waitlist, then invitations went out.
    event = make_event(capacity=3, title="Netzwerkforum Smart Production")
    event.clusters.add(registry.medtech)
    for index in range(5):
        services.register_participant(event, person_data(index))
    url = reverse("events:invite", args=[event.pk])
    client = login("medtech_manager")

    page = client.get(url, {"cluster": registry.medtech.pk}).content.decode()

    assert "Plätze: 3 von 3 vergeben, 2 auf der Warteliste." in page
    assert 'id="capacity-warning"' in page and "Die Veranstaltung ist ausgebucht." in page
    assert "kommt auf die Warteliste: bis zu 2 Eingeladene" in page
    first = min(medtech_people["newsletter"], medtech_people["events"], key=lambda p: p.pk)
    preview = page.split('id="mail-preview"')[1]
    assert first.email in preview
    assert "Einladung: Netzwerkforum Smart Production" in preview
    assert f"Guten Tag {first.full_name}," in preview
    assert "/veranstaltungen/einladung/VORSCHAU/" in preview
    assert "Ich weiß, dass Eingeladene" in page

    unconfirmed = {"cluster": registry.medtech.pk, "send": "1"}
    without_count = client.post(url, unconfirmed)
    without_waitlist = client.post(url, {**unconfirmed, "confirmed_count": "2"})
    assert without_count.status_code == without_waitlist.status_code == 200
    assert "Bitte bestätigen Sie, dass Eingeladene" in without_waitlist.content.decode()
    assert not Invitation.objects.exists()

    stale = client.post(url, {**unconfirmed, "confirmed_count": "5", "waitlist_accepted": "on"})
    assert "hat sich seit der Vorschau geändert" in stale.content.decode()
    assert not Invitation.objects.exists()

    client.post(url, {**unconfirmed, "confirmed_count": "2", "waitlist_accepted": "on"})
    assert Invitation.objects.filter(event=event).count() == 2


def test_an_event_with_room_for_everyone_needs_no_waitlist_confirmation(
    login: Login, registry: Registry, medtech_people: dict[str, Person]
) -> None:
    event = make_event(capacity=10)
    event.clusters.add(registry.medtech)
    url = reverse("events:invite", args=[event.pk])
    client = login("medtech_manager")

    page = client.get(url, {"cluster": registry.medtech.pk}).content.decode()
    client.post(url, {"cluster": registry.medtech.pk, "send": "1", "confirmed_count": "2"})

    assert 'id="capacity-warning"' not in page and "Ich weiß, dass" not in page
    assert 'id="mail-preview"' in page
    assert Invitation.objects.filter(event=event).count() == 2


def test_the_preview_counts_how_many_invitees_would_wait(registry: Registry) -> None:
    preview = invitations.InvitationPreview(
        matching=90, already_invited=3, already_registered=1, capacity=20, taken=15, waitlisted=0
    )
    assert (preview.to_invite, preview.free, preview.would_waitlist) == (86, 5, 81)
    assert not preview.is_full


def test_the_invitation_link_registers_for_an_event_by_invitation(
    client: Client, registry: Registry, medtech_people: dict[str, Person]
) -> None:
    event = make_event(audience=Event.Audience.INVITATION)
    [invitation, *_rest] = invitations.send_invitations(
        None, event, Segment(cluster=registry.medtech)
    )
    url = reverse("events:invitation", args=[invitation.token])

    page = client.get(url).content.decode()
    assert f'value="{invitation.person.email}"' in page
    form = {
        "first_name": invitation.person.first_name,
        "last_name": invitation.person.last_name,
        "email": invitation.person.email,
        "country": "DE",
        "consent": "on",
    }
    response = client.post(url, form)

    registration = Registration.objects.get(event=event)
    assert response.status_code == 302
    assert registration.person == invitation.person
    assert registration.status == Registration.Status.CONFIRMED
    assert client.get(reverse("events:invitation", args=["falsch"])).status_code == 404


def test_a_consent_given_with_one_registration_does_not_make_a_person_invitable(
    registry: Registry, medtech_people: dict[str, Person]
) -> None:
    segment = Segment(cluster=registry.medtech)
    before = set(invitations.segment_people(segment))
    person = medtech_people["no_consent"]
    registration = services.register_participant(
        make_event(),
        person_data(
            1, email=person.email, first_name=person.first_name, last_name=person.last_name
        ),
    )
    assert registration.person == medtech_people["no_consent"]
    assert registration.consent is not None and registration.consent.is_active

    assert set(invitations.segment_people(segment)) == before


def test_an_invitation_owed_before_the_consent_was_withdrawn_is_not_sent(
    registry: Registry,
    medtech_people: dict[str, Person],
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    from clusterhub.events import outbox

    event = make_event(title="Geschlossene Runde", audience=Event.Audience.INVITATION)
    with django_capture_on_commit_callbacks(execute=False):  # owed; the worker is slow
        invitations.send_invitations(registry.users["admin"], event, Segment(kind="public"))
    Consent.objects.filter(person=medtech_people["events"]).update(withdrawn_at=timezone.now())

    [mail] = EventMail.objects.filter(invitation__person=medtech_people["events"])
    assert outbox.deliver(mail.pk) is False
    assert smtp_server.messages == []
