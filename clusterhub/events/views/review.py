"""Anmeldungen prüfen: the queue of registrants awaiting a registry decision, per event."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.events import review
from clusterhub.events.access import get_event_for_user, get_registration_for_user
from clusterhub.events.forms import RegistrantReviewForm


@staff_required
def review_queue(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    context = {
        "event": event,
        "pending": review.review_queue(event),
        "pending_count": review.pending_registrations(event).count(),
        "NEW": review.NEW,
        "KEEP": review.KEEP,
    }
    return render(request, "events/staff/review.html", context)


@staff_required
@require_POST
def review_registrant(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_registration_for_user(request.user, pk, write=True)
    event = registration.event
    form = RegistrantReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie eine der angebotenen Möglichkeiten."))
        return redirect("events:review", pk=event.pk)
    try:
        review.review_registrant(
            request.user,
            registration,
            person=form.cleaned_data["person"],
            organisation=form.cleaned_data["organisation"],
        )
    except review.ReviewRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Die Anmeldung von %(name)s ist geprüft.") % {"name": registration.full_name}
        )
    return redirect("events:review", pk=event.pk)
