"""Booking, moving, cancelling a consultation, and the adviser's record of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.events.models import EventMail
from clusterhub.support import mails, services
from clusterhub.support.models import Booking, ClosedDay, ConsultationOffer
from tests.factories import OrganisationFactory
from tests.support.registry import Registry

from .conftest import make_offer

FOUNDER = services.BookingRequest(
    name="Aylin Demir", email="aylin@example.org", topic="Gründung einer Sozialgenossenschaft"
)


def first_slot(offer: ConsultationOffer) -> services.Slot:
    return services.free_slots(offer)[0]


def test_free_slots_follow_the_weekly_hours_and_skip_closed_days(
    offer: ConsultationOffer,
) -> None:
    slots = services.free_slots(offer, days=14)
    assert slots, "a weekday morning should be free"
    for slot in slots:
        local = timezone.localtime(slot.starts_at)
        assert local.weekday() < 5 and 9 <= local.hour < 12
        assert slot.ends_at - slot.starts_at == dt.timedelta(hours=1)
    closed = timezone.localtime(slots[0].starts_at).date()
    ClosedDay.objects.create(adviser=offer.advisers.get(), day=closed)
    assert all(
        timezone.localtime(slot.starts_at).date() != closed
        for slot in services.free_slots(offer, days=14)
    )


def test_a_booking_takes_its_slot_owes_the_confirmation_and_is_audited_without_the_name(
    offer: ConsultationOffer,
) -> None:
    slot = first_slot(offer)
    booking = services.book_consultation(offer, slot.key, FOUNDER)

    assert booking.starts_at == slot.starts_at and booking.status == Booking.Status.BOOKED
    assert booking.consent_at is not None and "Beratungstermin" in booking.consent_purpose
    assert slot.key not in {free.key for free in services.free_slots(offer)}
    mail = EventMail.objects.get(subject_type="support.booking", subject_id=booking.pk)
    assert mail.kind == mails.CONFIRMED and str(mail.kind_label) == "Beratungstermin gebucht"
    entry = AuditEntry.objects.get(object_type="support.booking", action=AuditEntry.Action.CREATE)
    assert "Aylin" not in entry.object_repr + str(entry.changes)


def test_a_slot_just_taken_is_refused_with_the_next_free_slots(offer: ConsultationOffer) -> None:
    slot = first_slot(offer)
    services.book_consultation(offer, slot.key, FOUNDER)
    with pytest.raises(services.BookingRefused) as refused:
        services.book_consultation(offer, slot.key, FOUNDER)
    assert "nicht mehr frei" in str(refused.value)
    assert refused.value.next_free and slot.key not in {s.key for s in refused.value.next_free}
    assert Booking.objects.count() == 1


def test_an_invented_or_malformed_slot_is_refused(offer: ConsultationOffer) -> None:
    adviser = offer.advisers.get()
    for key in ["", "nonsense", f"{adviser.pk}@2027-01-01T03:00", "9999@2027-01-04T08:00"]:
        with pytest.raises(services.BookingRefused):
            services.book_consultation(offer, key, FOUNDER)
    assert not Booking.objects.exists()


def test_an_adviser_of_two_offers_is_never_booked_twice_at_once(offer: ConsultationOffer) -> None:
    adviser = offer.advisers.get()
    other = make_offer(cluster=offer.cluster, adviser=adviser, slug="digi", duration_minutes=30)
    taken = services.book_consultation(offer, first_slot(offer).key, FOUNDER)
    for slot in services.free_slots(other):
        assert slot.ends_at <= taken.starts_at or slot.starts_at >= taken.ends_at


def test_moving_frees_the_old_slot_and_keeps_one_booking(offer: ConsultationOffer) -> None:
    first, second = services.free_slots(offer)[:2]
    booking = services.book_consultation(offer, first.key, FOUNDER)
    services.move_booking(booking, second.key)

    booking.refresh_from_db()
    assert booking.starts_at == second.starts_at
    assert first.key in {slot.key for slot in services.free_slots(offer)}
    assert EventMail.objects.filter(subject_id=booking.pk, kind=mails.MOVED).count() == 1


def test_cancelling_frees_the_slot_once_and_a_cancelled_booking_cannot_move(
    offer: ConsultationOffer,
) -> None:
    slot = first_slot(offer)
    booking = services.book_consultation(offer, slot.key, FOUNDER)
    services.cancel_booking(booking)
    services.cancel_booking(booking)  # a second click changes nothing

    assert booking.status == Booking.Status.CANCELLED
    assert EventMail.objects.filter(subject_id=booking.pk, kind=mails.CANCELLED).count() == 1
    assert slot.key in {free.key for free in services.free_slots(offer)}
    with pytest.raises(services.BookingRefused):
        services.move_booking(booking, services.free_slots(offer)[1].key)


def test_the_outcome_with_an_organisation_becomes_a_contact_and_a_follow_up(
    registry: Registry,
) -> None:
    manager = registry.users["smart_manager"]
    offer = make_offer(cluster=registry.smart, adviser=manager, slug="digi-pate")
    booking = services.book_consultation(offer, first_slot(offer).key, FOUNDER)
    organisation = OrganisationFactory.create(name="Demir Sozialgenossenschaft eG")
    outcome = services.Outcome(
        topics="Rechtsform, Förderung durch das Land",
        next_step="Businessplan schicken",
        follow_up="Businessplan lesen",
        follow_up_due_on=dt.date(2027, 2, 1),
        organisation=organisation,
    )
    services.record_outcome(manager, booking, outcome)

    interaction = Interaction.objects.get(organisation=organisation)
    assert interaction.cluster == registry.smart and "Rechtsform" in interaction.notes
    assert "Businessplan schicken" in interaction.notes
    assert FollowUp.objects.get(interaction=interaction).assignee == manager
    booking.refresh_from_db()
    assert booking.outcome_recorded_at is not None and booking.interaction == interaction


def test_a_contact_goes_only_to_a_cluster_whose_notes_the_adviser_writes(
    registry: Registry,
) -> None:
    medtech_manager = registry.users["medtech_manager"]
    offer = make_offer(cluster=registry.smart, adviser=medtech_manager, slug="fremd")
    booking = services.book_consultation(offer, first_slot(offer).key, FOUNDER)
    outcome = services.Outcome(topics="x", organisation=registry.smart_member)
    with pytest.raises(PermissionDenied):
        services.record_outcome(medtech_manager, booking, outcome)
    assert not Interaction.objects.filter(subject__startswith="Beratung").exists()
