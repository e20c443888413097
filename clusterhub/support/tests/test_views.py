"""The founder's pages (book, see, move, cancel by link) and the adviser's page."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.crm.models import Interaction
from clusterhub.support import services
from clusterhub.support.models import Booking, ConsultationOffer
from tests.support.registry import Registry

from .conftest import make_offer


def booking_form(slot: str, **fields: str) -> dict[str, str]:
    return {
        "slot": slot,
        "name": "Aylin Demir",
        "email": "aylin@example.org",
        "topic": "Gründung",
        "consent": "on",
        **fields,
    }


def test_a_founder_books_without_an_account_and_lands_on_her_booking(
    client: Client, offer: ConsultationOffer
) -> None:
    page = client.get(reverse("support:offer", args=[offer.slug]))
    slot = services.free_slots(offer)[0]
    assert slot.key in page.content.decode()

    response = client.post(reverse("support:offer", args=[offer.slug]), booking_form(slot.key))

    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("support:manage", args=[booking.token])
    assert booking.name == "Aylin Demir" and booking.starts_at == slot.starts_at


def test_without_consent_or_slot_nothing_is_booked_and_the_text_stays(
    client: Client, offer: ConsultationOffer
) -> None:
    url = reverse("support:offer", args=[offer.slug])
    slot = services.free_slots(offer)[0].key
    no_consent = booking_form(slot)
    del no_consent["consent"]
    response = client.post(url, no_consent)
    assert response.status_code == 400
    assert "Ohne Ihre Einwilligung" in response.content.decode()
    assert "Aylin Demir" in response.content.decode()
    assert client.post(url, booking_form("")).status_code == 400
    assert not Booking.objects.exists()


def test_a_slot_taken_meanwhile_answers_409_with_the_next_free_slots(
    client: Client, offer: ConsultationOffer
) -> None:
    slot = services.free_slots(offer)[0]
    services.book_consultation(
        offer, slot.key, services.BookingRequest(name="A", email="a@example.org", topic="x")
    )
    response = client.post(reverse("support:offer", args=[offer.slug]), booking_form(slot.key))
    assert response.status_code == 409
    assert "Die nächsten freien Termine" in response.content.decode()
    assert Booking.objects.count() == 1


def test_the_link_moves_and_cancels_and_then_answers_410_without_personal_data(
    client: Client, offer: ConsultationOffer
) -> None:
    first, second = services.free_slots(offer)[:2]
    booking = services.book_consultation(
        offer, first.key, services.BookingRequest("Aylin Demir", "aylin@example.org", "x")
    )
    url = reverse("support:manage", args=[booking.token])

    assert client.post(url, {"action": "move", "slot": second.key}).status_code == 302
    booking.refresh_from_db()
    assert booking.starts_at == second.starts_at

    assert client.post(url, {"action": "cancel"}).status_code == 302
    gone = client.get(url)
    assert gone.status_code == 410
    assert "Aylin" not in gone.content.decode() and "aylin@" not in gone.content.decode()
    assert client.get(reverse("support:manage", args=["unbekannt"])).status_code == 404


def test_the_adviser_reads_the_booking_audited_and_records_the_outcome(
    registry: Registry,
) -> None:
    manager = registry.users["smart_manager"]
    offer = make_offer(cluster=registry.smart, adviser=manager, slug="digi-pate")
    booking = services.book_consultation(
        offer,
        services.free_slots(offer)[0].key,
        services.BookingRequest("Aylin Demir", "aylin@example.org", "Digitalisierung"),
    )
    client = Client()
    client.force_login(manager)
    url = reverse("support:booking_detail", args=[booking.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Digitalisierung" in page.content.decode()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_type="support.booking", actor=manager
    ).exists()

    response = client.post(
        url,
        {
            "topics": "ERP-Auswahl",
            "next_step": "Demonstrator besuchen",
            "organisation": registry.smart_member.pk,
            "follow_up": "Termin im Demonstrator",
            "follow_up_due_on": (dt.date.today() + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Interaction.objects.filter(
        organisation=registry.smart_member, notes__contains="ERP-Auswahl"
    ).exists()
    listing = client.get(reverse("support:staff_bookings")).content.decode()
    assert "Aylin Demir" in listing
