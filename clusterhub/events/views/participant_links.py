"""Public pages reached from mailed links: an invitation, and feedback after the event."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from clusterhub.events import feedback, queries, services
from clusterhub.events.access import invitation_for_token
from clusterhub.events.forms import RegistrationForm
from clusterhub.events.staff_forms import FeedbackForm
from clusterhub.events.views.public import link_invalid, submitted_registration


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = invitation_for_token(token)
    if found is None:
        return link_invalid(request, services.unknown_link())
    event, person = found.event, found.person
    now = timezone.now()
    refusal = services.registration_refusal(event, now, invited=True)
    if refusal and services.registration_closed(event, now):
        return link_invalid(request, services.LinkInvalid(refusal))
    initial = {"first_name": person.first_name, "last_name": person.last_name}
    initial["email"] = person.email
    form = RegistrationForm(request.POST or None, initial=initial)
    if submitted_registration(request, event, form, invitation=found):
        return redirect("events:check_mail")
    context = {
        "event": event,
        "form": form,
        "refusal": refusal,
        "places": queries.places_of(event),
        "action": request.path,
    }
    return render(request, "events/invitation.html", context)


@require_http_methods(["GET", "POST"])
def give_feedback(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = feedback.registration_for_feedback(token, timezone.now())
    except services.LinkInvalid as error:
        return link_invalid(request, error)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.save_feedback(token, form.cleaned_data["rating"], form.cleaned_data["comment"])
        except services.LinkInvalid as error:
            return link_invalid(request, error)
        return render(request, "events/feedback_thanks.html", {"event": registration.event})
    context = {"event": registration.event, "form": form}
    return render(request, "events/feedback.html", context)
