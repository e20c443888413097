"""Every role against every page of the consultations, with the method it is used with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from clusterhub.support import services, streams
from clusterhub.support.models import (
    Booking,
    Building,
    ConsultationOffer,
    MaterialStream,
    Room,
    RoomBooking,
)
from tests.support.registry import Registry

from .conftest import make_offer
from .matrix import PUBLIC, ROLES, STAFF_PAGE, expect, status


@dataclass
class Site:
    offer: ConsultationOffer
    booking: Booking
    stream: MaterialStream
    building: Building
    room_booking: RoomBooking


@pytest.fixture
def site(registry: Registry) -> Site:
    offer = make_offer(cluster=registry.smart, adviser=registry.users["smart_manager"])
    booking = services.book_consultation(
        offer,
        services.free_slots(offer)[0].key,
        services.BookingRequest("Aylin Demir", "aylin@example.org", "Gründung"),
    )
    stream = streams.record_stream(
        registry.users["smart_manager"],
        registry.smart_member,
        streams.StreamData("offer", "Stahlschrott", "170405", Decimal(10), "Mannheim"),
    )
    building = Building.objects.create(name="MAFINEX", slug="mafinex", cluster=registry.smart)
    room = Room.objects.create(
        building=building, name="Demonstrator", kind="demonstrator", size_sqm=Decimal(80)
    )
    start = timezone.now() + dt.timedelta(days=2)
    room_booking = RoomBooking.objects.create(
        room=room,
        organisation=registry.smart_member,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        purpose="Besuch",
    )
    return Site(offer, booking, stream, building, room_booking)


# A founder's data: the offer's cluster team and administrators; other staff 403.
BOOKING = expect({"admin": 200, "smart_manager": 200}, 403)

Url = Callable[[Site], str]
CASES: list[tuple[str, str, Url, dict[str, int]]] = [
    ("offers", "GET", lambda s: reverse("support:offers"), PUBLIC),
    ("offer", "GET", lambda s: reverse("support:offer", args=[s.offer.slug]), PUBLIC),
    ("manage by link", "GET", lambda s: reverse("support:manage", args=[s.booking.token]), PUBLIC),
    ("bookings", "GET", lambda s: reverse("support:staff_bookings"), STAFF_PAGE),
    ("booking", "GET", lambda s: reverse("support:booking_detail", args=[s.booking.pk]), BOOKING),
    (
        "booking outcome (empty form)",
        "POST",
        lambda s: reverse("support:booking_detail", args=[s.booking.pk]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    ("streams", "GET", lambda s: reverse("support:streams"), STAFF_PAGE),
    (
        "record a stream (empty form)",
        "POST",
        lambda s: reverse("support:stream_create"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 400), 403),
    ),
    (
        "introduce (empty form)",
        "POST",
        lambda s: reverse("support:stream_introduce"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 302), 403),
    ),
    (
        "withdraw another cluster's stream",
        "POST",
        lambda s: reverse("support:stream_withdraw", args=[s.stream.pk]),
        expect({"admin": 302, "smart_manager": 302}, 403),
    ),
    ("founders' centres", "GET", lambda s: reverse("support:space"), STAFF_PAGE),
    ("building", "GET", lambda s: reverse("support:building", args=["mafinex"]), STAFF_PAGE),
    (
        "contract (empty form)",
        "POST",
        lambda s: reverse("support:tenancy_create", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "room request (empty form)",
        "POST",
        lambda s: reverse("support:room_booking_create", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "waiting list (empty form)",
        "POST",
        lambda s: reverse("support:waiting_list_add", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "decide a room booking",
        "POST",
        lambda s: reverse("support:room_booking_decide", args=[s.room_booking.pk]),
        expect({"admin": 302, "smart_manager": 302}, 403),
    ),
    (
        "staff list by POST",
        "POST",
        lambda s: reverse("support:staff_bookings"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager", "reader"], 405), 403),
    ),
]
# Built from the table above, for the site-wide guard (core/tests/test_access_matrix_every_url).
COVERED_URL_NAMES = {
    resolve(url).view_name
    for url in [
        "/beratung/",
        "/beratung/angebot/x/",
        "/beratung/termin/x/",
        "/intern/beratung/",
        "/intern/beratung/1/",
        "/intern/stoffstroeme/",
        "/intern/stoffstroeme/neu/",
        "/intern/stoffstroeme/vorstellen/",
        "/intern/stoffstroeme/1/zurueckziehen/",
        "/intern/raeume/",
        "/intern/raeume/x/",
        "/intern/raeume/x/vertrag/",
        "/intern/raeume/x/buchung/",
        "/intern/raeume/x/warteliste/",
        "/intern/raumbuchungen/1/entscheiden/",
    ]
}
assert {name.split(":")[1] for name in COVERED_URL_NAMES} == {
    "offers",
    "offer",
    "manage",
    "staff_bookings",
    "booking_detail",
    "streams",
    "stream_create",
    "stream_introduce",
    "stream_withdraw",
    "space",
    "building",
    "tenancy_create",
    "room_booking_create",
    "waiting_list_add",
    "room_booking_decide",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_role_gets_expected_status(
    site: Site,
    login: Callable[[str], Client],
    role: str,
    name: str,
    method: str,
    url: Url,
    expected: dict[str, int],
) -> None:
    assert status(login(role), method, url(site)) == expected[role], name
