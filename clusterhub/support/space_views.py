"""Staff pages of the founders' centres: rooms, contracts, occupancy, bookings, waiting list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.decorators import staff_required
from clusterhub.core.forms import submit
from clusterhub.directory.access import organisations_visible_to
from clusterhub.support import queries, space
from clusterhub.support.access import (
    buildings_visible_to,
    get_building_for_user,
    get_room_booking_for_user,
)
from clusterhub.support.models import Building, Room
from clusterhub.support.space_forms import RoomBookingForm, TenancyForm, WaitingListForm

ENDING_MONTHS = (3, 6, 12)
PREFIXES = {"tenancy_form": "vertrag", "booking_form": "buchung", "waiting_form": "warteliste"}


@staff_required
@require_GET
def space_overview(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    buildings = list(buildings_visible_to(viewer).prefetch_related("rooms"))
    months = int(request.GET.get("monate", "6")) if request.GET.get("monate", "6").isdigit() else 6
    rows = [(building, space.current_occupancy(building)) for building in buildings]
    tenancies = queries.tenancies_in(buildings)
    context = {
        "rows": rows,
        "ending": space.ending_within(tenancies, months),
        "months": months,
        "month_choices": ENDING_MONTHS,
        "waiting": queries.waiting_in(buildings),
    }
    return render(request, "support/space.html", context)


def _building_page(
    request: HttpRequest, building: Building, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    viewer = viewer_for(request.user)
    may_manage = space.can_manage_building(viewer, building)
    organisations = organisations_visible_to(viewer)
    rooms = building.rooms.all()
    rentable = rooms.exclude(kind__in=[Room.Kind.MEETING, Room.Kind.DEMONSTRATOR])
    bookable = rooms.filter(kind__in=[Room.Kind.MEETING, Room.Kind.DEMONSTRATOR])
    forms = forms or {}
    if may_manage:
        # Three forms on one page: each with its own prefix, so no two inputs share an id.
        forms.setdefault(
            "tenancy_form",
            TenancyForm(
                organisations=organisations, rooms=rentable, prefix=PREFIXES["tenancy_form"]
            ),
        )
        forms.setdefault(
            "booking_form",
            RoomBookingForm(
                organisations=organisations, rooms=bookable, prefix=PREFIXES["booking_form"]
            ),
        )
        forms.setdefault(
            "waiting_form",
            WaitingListForm(organisations=organisations, prefix=PREFIXES["waiting_form"]),
        )
    shares = space.occupancy(building)
    context = {
        "building": building,
        "rooms": rooms,
        "tenancies": queries.tenancies_in([building]),
        "bookings": queries.bookings_ahead(building),
        "shares": shares,
        "months_back": space.MONTHS_BACK,
        "may_manage": may_manage,
        **forms,
    }
    return render(request, "support/building.html", context, status=status)


@staff_required
@require_GET
def building_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _building_page(request, get_building_for_user(request.user, slug))


def _write(
    request: HttpRequest,
    slug: str,
    form_name: str,
    build: Callable[..., Any],
    act: Callable[[Building, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    building = get_building_for_user(request.user, slug)
    if not space.can_manage_building(viewer_for(request.user), building):
        raise PermissionDenied
    viewer = viewer_for(request.user)
    rooms = building.rooms.all()
    kwargs: dict[str, Any] = {
        "organisations": organisations_visible_to(viewer),
        "prefix": PREFIXES[form_name],
    }
    if form_name == "tenancy_form":
        kwargs["rooms"] = rooms.exclude(kind__in=[Room.Kind.MEETING, Room.Kind.DEMONSTRATOR])
    elif form_name == "booking_form":
        kwargs["rooms"] = rooms.filter(kind__in=[Room.Kind.MEETING, Room.Kind.DEMONSTRATOR])
    form = build(request.POST, **kwargs)
    if submit(form, lambda data: act(building, data)):
        messages.success(request, done)
        return redirect("support:building", slug=slug)
    return _building_page(request, building, {form_name: form}, status=400)


@staff_required
@require_POST
def tenancy_create(request: HttpRequest, slug: str) -> HttpResponse:
    def act(building: Building, data: dict[str, Any]) -> object:
        tenancy = space.TenancyData(
            organisation=data["organisation"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            monthly_rent=data["monthly_rent"],
            notice_months=data["notice_months"],
        )
        return space.sign_tenancy(request.user, data["room"], tenancy)

    return _write(
        request, slug, "tenancy_form", TenancyForm, act, _("Der Mietvertrag ist eingetragen.")
    )


@staff_required
@require_POST
def room_booking_create(request: HttpRequest, slug: str) -> HttpResponse:
    def act(building: Building, data: dict[str, Any]) -> object:
        booking = space.BookingData(
            organisation=data["organisation"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            group_size=data["group_size"],
            purpose=data["purpose"],
        )
        return space.request_room_booking(request.user, data["room"], booking)

    return _write(
        request, slug, "booking_form", RoomBookingForm, act, _("Die Anfrage ist eingetragen.")
    )


@staff_required
@require_POST
def waiting_list_add(request: HttpRequest, slug: str) -> HttpResponse:
    def act(building: Building, data: dict[str, Any]) -> object:
        return space.join_waiting_list(request.user, building, data["organisation"], data["wanted"])

    return _write(
        request, slug, "waiting_form", WaitingListForm, act, _("Auf die Warteliste gesetzt.")
    )


@staff_required
@require_POST
def room_booking_decide(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_room_booking_for_user(request.user, pk)
    confirm = request.POST.get("decision") == "confirm"
    try:
        space.decide_room_booking(request.user, booking, confirm)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Bestätigt.") if confirm else _("Abgelehnt."))
    return redirect("support:building", slug=booking.room.building.slug)
