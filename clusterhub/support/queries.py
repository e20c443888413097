"""Reads for the founders' centres' pages (the buildings come through ``access``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from clusterhub.directory.models import Organisation
from clusterhub.support.models import (
    Building,
    CoExhibitor,
    RoomBooking,
    Tenancy,
    WaitingListEntry,
)


def tenancies_in(buildings: Iterable[Building]) -> QuerySet[Tenancy]:
    return Tenancy.objects.filter(room__building__in=list(buildings)).select_related(
        "room__building", "organisation"
    )


def waiting_in(buildings: Iterable[Building]) -> QuerySet[WaitingListEntry]:
    return WaitingListEntry.objects.filter(
        building__in=list(buildings), placed_at__isnull=True
    ).select_related("building", "organisation")


def bookings_ahead(building: Building) -> QuerySet[RoomBooking]:
    return RoomBooking.objects.filter(
        room__building=building, ends_at__gte=timezone.now()
    ).select_related("room", "organisation")


def fair_applications_of(organisation: Organisation) -> QuerySet[CoExhibitor]:
    """An organisation's applications for joint stands (its member page)."""
    return CoExhibitor.objects.filter(organisation=organisation).select_related("stand")
