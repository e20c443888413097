"""Incubator space: contracts that never overlap on one room, bookings of meeting rooms and
the demonstrator that are confirmed only when the room is free, the waiting list, and how
full each building is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.services import UserActor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.core.locks import lock_room
from clusterhub.directory.models import Organisation
from clusterhub.support.models import Building, Room, RoomBooking, Tenancy, WaitingListEntry
from clusterlogic.booking.occupancy import (
    Let,
    MonthShare,
    month_starts,
    monthly_occupancy,
    periods_overlap,
)


def can_manage_building(viewer: Viewer, building: Building) -> bool:
    """Administrators; the managers of the building's cluster (of any cluster when it has
    none)."""
    if viewer.is_admin:
        return True
    if building.cluster_id is None:
        return viewer.is_manager
    return can_manage_cluster(viewer, building.cluster_id)


def _require(actor: UserActor, building: Building) -> None:
    if not can_manage_building(viewer_for(actor), building):
        raise PermissionDenied


def _day(value: dt.date | None) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else _("offen")


@dataclass(frozen=True)
class TenancyData:
    organisation: Organisation
    starts_on: dt.date
    ends_on: dt.date | None
    monthly_rent: Decimal
    notice_months: int = 3


def sign_tenancy(actor: UserActor, room: Room, data: TenancyData) -> Tenancy:
    """A contract for ``room``; refused with the reason when the room is one that is booked
    by the hour, or when the contract overlaps another on the same room. A start-up waiting
    for space in the building leaves the waiting list."""
    _require(actor, room.building)
    if room.is_bookable:
        raise ValidationError(_("Dieser Raum wird stundenweise gebucht, nicht vermietet."))
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise ValidationError(_("Das Vertragsende liegt vor dem Beginn."))
    with transaction.atomic():
        lock_room(room.pk)
        for other in Tenancy.objects.filter(room=room).select_related("organisation"):
            if periods_overlap(data.starts_on, data.ends_on, other.starts_on, other.ends_on):
                raise ValidationError(
                    _(
                        "Der Vertrag überschneidet sich mit dem Vertrag von %(name)s "
                        "(%(start)s bis %(end)s)."
                    )
                    % {
                        "name": other.organisation.name,
                        "start": _day(other.starts_on),
                        "end": _day(other.ends_on),
                    }
                )
        tenancy = Tenancy(
            room=room,
            organisation=data.organisation,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            monthly_rent=data.monthly_rent,
            notice_months=data.notice_months,
        )
        audit.audited_save(
            actor, tenancy, ["room", "organisation", "starts_on", "ends_on", "monthly_rent"]
        )
        WaitingListEntry.objects.filter(
            building=room.building, organisation=data.organisation, placed_at__isnull=True
        ).update(placed_at=timezone.now())
    return tenancy


@dataclass(frozen=True)
class BookingData:
    organisation: Organisation
    starts_at: dt.datetime
    ends_at: dt.datetime
    group_size: int
    purpose: str


def request_room_booking(actor: UserActor, room: Room, data: BookingData) -> RoomBooking:
    """A request to use a meeting room or to visit the demonstrator."""
    _require(actor, room.building)
    if not room.is_bookable:
        raise ValidationError(_("Dieser Raum ist vermietet und nicht stundenweise buchbar."))
    if data.ends_at <= data.starts_at:
        raise ValidationError(_("Das Ende liegt nicht nach dem Beginn."))
    if data.group_size > room.capacity:
        raise ValidationError(
            _("Der Raum fasst höchstens %(places)s Personen.") % {"places": room.capacity}
        )
    booking = RoomBooking(
        room=room,
        organisation=data.organisation,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        group_size=data.group_size,
        purpose=data.purpose,
    )
    with transaction.atomic():
        audit.audited_save(actor, booking, ["room", "organisation", "starts_at", "ends_at"])
    return booking


def decide_room_booking(actor: UserActor, booking: RoomBooking, confirm: bool) -> RoomBooking:
    """Confirm (only when no confirmed booking of the room overlaps) or decline."""
    _require(actor, booking.room.building)
    with transaction.atomic():
        lock_room(booking.room_id)
        if confirm:
            clash = (
                RoomBooking.objects.filter(
                    room_id=booking.room_id,
                    status=RoomBooking.Status.CONFIRMED,
                    starts_at__lt=booking.ends_at,
                    ends_at__gt=booking.starts_at,
                )
                .exclude(pk=booking.pk)
                .select_related("organisation")
                .first()
            )
            if clash is not None:
                raise ValidationError(
                    _("Der Raum ist zu dieser Zeit schon an %(name)s vergeben.")
                    % {"name": clash.organisation.name}
                )
        booking.status = RoomBooking.Status.CONFIRMED if confirm else RoomBooking.Status.DECLINED
        audit.audited_save(actor, booking, ["status"])
    return booking


def join_waiting_list(
    actor: UserActor, building: Building, organisation: Organisation, wanted: str
) -> WaitingListEntry:
    _require(actor, building)
    entry = WaitingListEntry(
        building=building, organisation=organisation, wanted=wanted, since=timezone.localdate()
    )
    with transaction.atomic():
        audit.audited_save(actor, entry, ["building", "organisation", "wanted"])
    return entry


# The occupancy chart starts this many months before the current one.
MONTHS_BACK = 6


def occupancy(building: Building, months: int = 12) -> list[MonthShare]:
    """Let area per month of the building's rented rooms, from six months back (the
    current month is the seventh)."""
    today = timezone.localdate()
    back = today.year * 12 + today.month - 1 - MONTHS_BACK
    first = dt.date(back // 12, back % 12 + 1, 1)
    rooms = {room.pk: float(room.size_sqm) for room in building.rooms.all() if not room.is_bookable}
    lets = [
        Let(t.room_id, t.starts_on, t.ends_on)
        for t in Tenancy.objects.filter(room__building=building)
    ]
    return monthly_occupancy(rooms, lets, month_starts(first, months))


def current_occupancy(building: Building) -> MonthShare:
    return occupancy(building, months=MONTHS_BACK + 1)[-1]


def ending_within(tenancies: QuerySet[Tenancy], months: int) -> QuerySet[Tenancy]:
    today = timezone.localdate()
    return tenancies.filter(
        ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=31 * months)
    ).order_by("ends_on")
