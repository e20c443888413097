from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.core.decorators import staff_required
from clusterhub.directory.access import organisations_visible_to
from clusterhub.support import services
from clusterhub.support.access import (
    booking_for_token,
    bookings_visible_to,
    get_booking_for_user,
    get_public_offer,
    offers_visible_to,
    public_offers,
)
from clusterhub.support.forms import BookingForm, MoveForm, OutcomeForm
from clusterhub.support.models import Booking, ConsultationOffer

# Days with free slots shown at first; the page offers the rest on request.
FIRST_DAYS = 10


def _days(
    slots: list[services.Slot], request: HttpRequest
) -> tuple[list[tuple[dt.date, list[services.Slot]]], bool]:
    """Slots grouped by local day, for a page that reads like a calendar: the first days,
    or all when asked (``?alle=1``); and whether more days are left out."""
    days = [
        (day, list(group))
        for day, group in groupby(slots, key=lambda slot: timezone.localtime(slot.starts_at).date())
    ]
    if request.GET.get("alle"):
        return days, False
    return days[:FIRST_DAYS], len(days) > FIRST_DAYS


@require_GET
def offers(request: HttpRequest) -> HttpResponse:
    return render(request, "support/offers.html", {"offers": public_offers()})


def _offer_page(
    request: HttpRequest,
    offer: ConsultationOffer,
    form: BookingForm,
    refusal: services.BookingRefused | None = None,
    status: int = 200,
) -> HttpResponse:
    days, more = _days(services.free_slots(offer), request)
    context = {
        "offer": offer,
        "form": form,
        "days": days,
        "more_days": more,
        "chosen": form.data.get("slot", ""),
        "refusal": refusal,
        "next_free": refusal.next_free if refusal else [],
    }
    return render(request, "support/offer.html", context, status=status)


@require_http_methods(["GET", "POST"])
def offer(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_public_offer(slug)
    if request.method != "POST":
        return _offer_page(request, consultation, BookingForm())
    form = BookingForm(request.POST)
    if not form.is_valid():
        return _offer_page(request, consultation, form, status=400)
    data = form.cleaned_data
    booking_request = services.BookingRequest(
        name=data["name"], email=data["email"], topic=data["topic"], language=get_language()
    )
    try:
        booking = services.book_consultation(consultation, data["slot"], booking_request)
    except services.BookingRefused as refusal:
        return _offer_page(request, consultation, form, refusal, status=409)
    messages.success(
        request, _("Ihr Termin ist gebucht. Die Bestätigung mit Kalendereintrag ist unterwegs.")
    )
    return redirect("support:manage", token=booking.token)


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The founder's own page of a booking, reached by the mailed link: see, move, cancel."""
    booking = booking_for_token(token)
    if booking.status == Booking.Status.CANCELLED:
        # Gone for good; the page names no person.
        return render(request, "support/cancelled.html", {"offer": booking.offer}, status=410)
    refusal: services.BookingRefused | None = None
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            services.cancel_booking(booking)
            messages.success(request, _("Ihr Termin ist storniert."))
            return redirect("support:manage", token=token)
        form = MoveForm(request.POST)
        if form.is_valid():
            try:
                services.move_booking(booking, form.cleaned_data["slot"])
            except services.BookingRefused as error:
                refusal = error
            else:
                messages.success(
                    request, _("Ihr Termin ist verschoben. Eine neue Bestätigung ist unterwegs.")
                )
                return redirect("support:manage", token=token)
    days, more = _days(services.free_slots(booking.offer, ignore=booking), request)
    context = {"booking": booking, "days": days, "more_days": more, "refusal": refusal}
    return render(request, "support/manage.html", context, status=409 if refusal else 200)


@staff_required
@require_GET
def staff_bookings(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    now = timezone.now()
    bookings = bookings_visible_to(viewer).filter(status=Booking.Status.BOOKED)
    context = {
        "upcoming": bookings.filter(ends_at__gte=now)[:200],
        "awaiting_outcome": bookings.filter(ends_at__lt=now, outcome_recorded_at__isnull=True)[
            :200
        ],
        "offers": offers_visible_to(viewer),
        "sees_people": viewer.is_admin or viewer.is_manager,
    }
    return render(request, "support/staff_bookings.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_booking_for_user(request.user, pk)
    viewer = viewer_for(request.user)
    organisations = organisations_visible_to(viewer)
    if request.method == "POST":
        form = OutcomeForm(request.POST, organisations=organisations)
        if form.is_valid():
            data = form.cleaned_data
            outcome = services.Outcome(
                topics=data["topics"],
                next_step=data["next_step"],
                follow_up=data["follow_up"],
                follow_up_due_on=data["follow_up_due_on"],
                organisation=data["organisation"],
            )
            services.record_outcome(request.user, booking, outcome)
            messages.success(request, _("Das Ergebnis des Gesprächs ist gespeichert."))
            return redirect("support:booking_detail", pk=booking.pk)
        status = 400
    else:
        audit.record_view(request.user, booking)  # a founder's data was read
        initial = {
            "topics": booking.outcome_topics,
            "next_step": booking.outcome_next_step,
            "organisation": booking.organisation_id,
        }
        form = OutcomeForm(initial=initial, organisations=organisations)
        status = 200
    context = {"booking": booking, "form": form}
    return render(request, "support/booking_detail.html", context, status=status)
