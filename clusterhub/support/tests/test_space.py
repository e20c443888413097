"""Founders' centres: contracts never overlap, bookings are confirmed only when free, the
occupancy follows the contracts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.support import space
from clusterhub.support.models import Building, Room, RoomBooking, Tenancy, WaitingListEntry
from tests.factories import OrganisationFactory
from tests.support.registry import Registry


def cubex(registry: Registry) -> Building:
    building = Building.objects.create(
        name="CUBEX 41", slug="cubex-41", cluster=registry.smart, focus="Medizintechnik"
    )
    Room.objects.create(building=building, name="B 1.01", kind="office", size_sqm=Decimal(20))
    Room.objects.create(building=building, name="B 1.02", kind="office", size_sqm=Decimal(30))
    Room.objects.create(
        building=building, name="Konferenz", kind="meeting", size_sqm=Decimal(40), capacity=12
    )
    return building


def month_start(offset: int = 0) -> dt.date:
    first = timezone.localdate().replace(day=1)
    year, month = divmod(first.month - 1 + offset, 12)
    return dt.date(first.year + year, month + 1, 1)


def test_a_contract_overlapping_another_on_the_room_is_refused_with_the_tenant(
    registry: Registry,
) -> None:
    building = cubex(registry)
    room = building.rooms.get(name="B 1.01")
    manager = registry.users["smart_manager"]
    first = OrganisationFactory.create(name="Medi Start GmbH")
    space.sign_tenancy(
        manager, room, space.TenancyData(first, month_start(-2), month_start(4), Decimal(400))
    )
    with pytest.raises(ValidationError, match="Medi Start GmbH"):
        space.sign_tenancy(
            manager,
            room,
            space.TenancyData(registry.smart_member, month_start(3), None, Decimal(400)),
        )
    assert Tenancy.objects.count() == 1
    later = space.TenancyData(registry.smart_member, month_start(5), None, Decimal(450))
    space.sign_tenancy(manager, room, later)
    assert Tenancy.objects.count() == 2


def test_a_meeting_room_is_not_let_and_others_may_not_sign(registry: Registry) -> None:
    building = cubex(registry)
    data = space.TenancyData(registry.smart_member, month_start(), None, Decimal(1))
    with pytest.raises(ValidationError):
        space.sign_tenancy(
            registry.users["smart_manager"], building.rooms.get(name="Konferenz"), data
        )
    with pytest.raises(PermissionDenied):
        space.sign_tenancy(
            registry.users["medtech_manager"], building.rooms.get(name="B 1.01"), data
        )
    assert not Tenancy.objects.exists()


def test_a_new_contract_raises_the_occupancy_and_leaves_the_waiting_list(
    registry: Registry,
) -> None:
    building = cubex(registry)
    manager = registry.users["smart_manager"]
    space.join_waiting_list(manager, building, registry.smart_member, "Büro für 3")
    before = space.occupancy(building)[6]  # this month
    assert before.month == month_start() and before.share == 0
    space.sign_tenancy(
        manager,
        building.rooms.get(name="B 1.02"),
        space.TenancyData(registry.smart_member, month_start(), None, Decimal(600)),
    )
    after = space.occupancy(building)
    assert after[6].let_sqm == 30 and after[6].total_sqm == 50  # the meeting room not counted
    assert after[5].let_sqm == 0  # the month before
    assert WaitingListEntry.objects.get().placed_at is not None


def test_a_booking_is_confirmed_only_while_the_room_is_free(registry: Registry) -> None:
    building = cubex(registry)
    manager = registry.users["smart_manager"]
    room = building.rooms.get(name="Konferenz")
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=3)

    def ask(hours: float, people: int = 5) -> RoomBooking:
        data = space.BookingData(
            registry.smart_member, start, start + dt.timedelta(hours=hours), people, "Workshop"
        )
        return space.request_room_booking(manager, room, data)

    first, second = ask(2), ask(1)
    space.decide_room_booking(manager, first, confirm=True)
    with pytest.raises(ValidationError, match="schon an"):
        space.decide_room_booking(manager, second, confirm=True)
    assert RoomBooking.objects.get(pk=second.pk).status == RoomBooking.Status.REQUESTED
    space.decide_room_booking(manager, second, confirm=False)
    with pytest.raises(ValidationError, match="höchstens 12"):
        ask(1, people=30)


def test_the_building_page_takes_a_contract_and_shows_it_in_chart_and_table(
    registry: Registry,
) -> None:
    building = cubex(registry)
    client = Client()
    client.force_login(registry.users["smart_manager"])
    url = reverse("support:building", args=[building.slug])
    assert "0 / 50 m²" in client.get(url).content.decode()
    room = building.rooms.get(name="B 1.01")
    response = client.post(
        reverse("support:tenancy_create", args=[building.slug]),
        {
            "vertrag-room": room.pk,
            "vertrag-organisation": registry.smart_member.pk,
            "vertrag-starts_on": month_start().isoformat(),
            "vertrag-monthly_rent": "400",
            "vertrag-notice_months": "3",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "20 / 50 m² (40 %)" in page
    assert registry.smart_member.name in page
    reader = Client()
    reader.force_login(registry.users["reader"])
    assert reader.get(url).status_code == 200
    assert "Vertrag eintragen" not in reader.get(url).content.decode()
