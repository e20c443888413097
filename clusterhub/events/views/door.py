"""Staff pages at the door and after the event: check-in from the QR code, no-shows."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.events import attendance, services
from clusterhub.events.access import get_event_for_user, get_registration_for_user
from clusterhub.events.checkin import code_matches, door_closed_reason, registration_id_from


@staff_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, signature: str) -> HttpResponse:
    """The page a phone's camera opens from the confirmation mail's QR code."""
    registration_id = registration_id_from(signature)
    if registration_id is None:
        raise Http404
    registration = get_registration_for_user(request.user, registration_id, write=True)
    if not code_matches(signature, registration):
        raise Http404
    error = ""
    now = timezone.now()
    if request.method == "POST":
        try:
            attendance.check_in(request.user, registration, now=now)
        except services.RegistrationRefused as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                _("%(name)s ist eingecheckt.") % {"name": registration.full_name},
            )
            return redirect("events:checkin", signature=signature)
    context = {
        "registration": registration,
        "event": registration.event,
        "error": error,
        "door_closed": door_closed_reason(registration.event, now),
    }
    return render(request, "events/staff/checkin.html", context)


@staff_required
@require_POST
def mark_no_shows(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    try:
        marked = attendance.mark_no_shows(request.user, event, now=timezone.now())
    except services.RegistrationRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(count)d Personen als nicht erschienen markiert.") % {"count": marked}
        )
    return redirect("events:participants", pk=event.pk)
