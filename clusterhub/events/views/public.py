"""Public event pages (no login): calendar, detail with registration, links from mails, feeds."""

from __future__ import annotations

from functools import lru_cache

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from clusterhub.clusters.access import get_cluster_for_slug
from clusterhub.events import queries, registrants, services
from clusterhub.events.access import get_format_for_slug, get_public_event, registration_for_token
from clusterhub.events.forms import CalendarFilterForm, RegistrationForm
from clusterhub.events.ics import calendar_document
from clusterhub.events.models import Event, Invitation


def submitted_registration(
    request: HttpRequest,
    event: Event,
    form: RegistrationForm,
    *,
    invitation: Invitation | None = None,
) -> bool:
    """Whether a valid POST of ``form`` was taken; False on a GET, errors, or a refusal, which
    the form then shows.

    Taken means a new registration (its mail carries the link) or an address that already has
    one, which is mailed its link again: the page after either is the same "check your mail",
    so the form neither shows anyone's link nor tells whether an address is registered.
    """
    if request.method != "POST" or not form.is_valid():
        return False
    data = form.registration_data((get_language() or "de")[:2])
    try:
        registration, new = services.take_registration(
            event,
            data,
            invited=invitation is not None,
            invited_person=invitation.person if invitation is not None else None,
            member_organisation=registrants.member_organisation_for(request.user, event),
        )
    except services.RegistrationRefused as error:
        form.add_error(None, str(error))
        return False
    if not new:
        registrants.owe_link_mail(registration)
    return True


def calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarFilterForm(request.GET or None)
    cluster = theme = None
    if form.is_valid():
        cluster, theme = form.cleaned_data.get("cluster"), form.cleaned_data.get("theme")
    events = queries.upcoming_events(timezone.now(), cluster=cluster, theme=theme)
    return render(request, "events/calendar.html", {"form": form, "events": events})


@lru_cache(maxsize=8)
def blank_registration_fields(language: str) -> SafeString:
    """The fields of an empty registration form, rendered once per language: every registrant
    of a rush loads the event page first, and its fields (labels, ~250 countries) are the same
    for everyone. The CSRF token stays outside, in the page. A per-process cache is right here:
    the fields are a pure function of the code and the language, never of the database."""
    with translation.override(language):
        html = render_to_string(
            "events/partials/registration_fields.html", {"form": RegistrationForm()}
        )
    return mark_safe(html)  # the template escaped what it rendered


@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_public_event(pk)
    # A members-only event says up front who may register, instead of a form that only refuses.
    refusal = services.registration_refusal(event, timezone.now()) or registrants.members_refusal(
        event,
        invited=False,
        member_organisation=registrants.member_organisation_for(request.user, event),
    )
    form = blank_fields = None
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if submitted_registration(request, event, form):
            return redirect("events:check_mail")
    elif not refusal:
        blank_fields = blank_registration_fields("en" if get_language() == "en" else "de")
    context = {
        "event": event,
        "form": form,
        "blank_fields": blank_fields,
        "refusal": refusal,
        "places": queries.places_of(event),
    }
    return render(request, "events/detail.html", context)


def check_mail(request: HttpRequest) -> HttpResponse:
    """The one answer to every taken registration form, new address or known; it names no
    event, so it tells nothing to someone who guesses its address."""
    return render(request, "events/check_mail.html")


def link_invalid(request: HttpRequest, error: services.LinkInvalid) -> HttpResponse:
    return render(
        request,
        "events/link_invalid.html",
        {"message": str(error)},
        status=404 if error.unknown else 410,
    )


def registration(request: HttpRequest, token: str) -> HttpResponse:
    found = registration_for_token(token)
    try:
        if found is None:
            raise services.unknown_link()
        services.check_not_cancelled(found)
    except services.LinkInvalid as error:
        return link_invalid(request, error)
    return render(
        request,
        "events/registration.html",
        {"registration": found, "event": found.event, "rank": queries.waitlist_rank(found)},
    )


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    found = registration_for_token(token)
    try:
        if found is None:
            raise services.unknown_link()
        if request.method == "POST":
            cancelled = services.cancel_registration(token)
            return render(request, "events/cancelled.html", {"event": cancelled.event})
        services.check_cancellable(found, found.event, timezone.now())
    except services.LinkInvalid as error:
        return link_invalid(request, error)
    return render(request, "events/cancel.html", {"registration": found, "event": found.event})


@require_http_methods(["GET", "POST"])
def offer(request: HttpRequest, token: str) -> HttpResponse:
    found = registration_for_token(token)
    try:
        if found is None:
            raise services.unknown_link()
        if request.method == "POST":
            if request.POST.get("answer") == "decline":
                answered = services.decline_offer(token)
            else:
                answered = services.accept_offer(token)
            context = {"registration": answered, "event": answered.event}
            return render(request, "events/offer_answered.html", context)
        services.check_offer_open(found, found.event, timezone.now())
    except services.LinkInvalid as error:
        return link_invalid(request, error)
    return render(request, "events/offer.html", {"registration": found, "event": found.event})


def _feed(document: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(document, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def cluster_feed(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = get_cluster_for_slug(slug)
    events = queries.feed_events_for_cluster(cluster)
    return _feed(calendar_document(events, name=cluster.name), f"{slug}.ics")


def format_feed(request: HttpRequest, slug: str) -> HttpResponse:
    event_format = get_format_for_slug(slug)
    events = queries.feed_events_for_format(event_format)
    return _feed(calendar_document(events, name=event_format.name), f"{slug}.ics")
