"""Withdrawing consent stops mail at once: a mail already owed in the outbox is skipped by its
preparer when the worker comes to it."""

from __future__ import annotations

from django.core import mail
from django.utils import timezone

from clusterhub.directory import services as directory_services
from clusterhub.directory.models import Consent
from clusterhub.events import outbox
from clusterhub.events.models import EventMail, Invitation
from clusterhub.privacy.tests.conftest import Story
from tests.support.events import make_event
from tests.support.registry import Registry


def test_an_owed_reminder_is_skipped_once_the_consent_is_withdrawn(
    story: Story, registry: Registry
) -> None:
    owed = EventMail.objects.create(registration=story.registration, kind=EventMail.Kind.REMINDER)
    consent = story.registration.consent
    assert consent is not None
    directory_services.withdraw_consent(registry.users["smart_manager"], consent)
    mail.outbox.clear()
    assert outbox.deliver(owed.pk) is False
    assert mail.outbox == []
    assert EventMail.objects.get(pk=owed.pk).skipped


def test_an_owed_invitation_is_skipped_once_the_consent_is_withdrawn(
    registry: Registry,
) -> None:
    person = registry.person
    consent = Consent.objects.get(person=person)
    consent.purpose = Consent.Purpose.NEWSLETTER
    consent.save()
    event = make_event(title="Netzwerkabend")
    [owed] = outbox.owe_invitation_mails([Invitation.objects.create(event=event, person=person)])
    directory_services.withdraw_consent(registry.users["admin"], consent)
    mail.outbox.clear()
    assert outbox.deliver(owed.pk) is False
    assert mail.outbox == []
    assert EventMail.objects.get(pk=owed.pk).skipped
    withdrawn_at = Consent.objects.get(pk=consent.pk).withdrawn_at
    assert withdrawn_at is not None and withdrawn_at <= timezone.now()


def test_an_owed_matchmaking_mail_is_skipped_once_the_consent_is_withdrawn(
    story: Story, registry: Registry
) -> None:
    owed = EventMail.objects.create(
        registration=story.registration, kind=EventMail.Kind.MATCHMAKING_WELCOME
    )
    consent = story.registration.consent
    assert consent is not None
    directory_services.withdraw_consent(registry.users["smart_manager"], consent)
    mail.outbox.clear()
    assert outbox.deliver(owed.pk) is False
    assert mail.outbox == []
    assert EventMail.objects.get(pk=owed.pk).skipped


def test_an_owed_matchmaking_mail_goes_while_the_consent_stands(story: Story) -> None:
    owed = EventMail.objects.create(
        registration=story.registration, kind=EventMail.Kind.MATCHMAKING_WELCOME
    )
    mail.outbox.clear()
    assert outbox.deliver(owed.pk) is True
    assert len(mail.outbox) == 1
