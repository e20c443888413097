"""Participant pages (magic link ``/matchmaking/<token>/``, no account) and organiser pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.events.access import get_event_for_user
from clusterhub.matchmaking import placement, planning, queries, rules, services
from clusterhub.matchmaking.access import (
    get_meeting_for_user,
    get_own_request,
    get_participant_for_token,
    get_partner_for_participant,
    get_received_request,
    table_for_participant,
)
from clusterhub.matchmaking.forms import (
    BookingForm,
    MoveMeetingForm,
    NoShowForm,
    ProfileForm,
    RequestForm,
    SessionForm,
    TableBatchForm,
    TableForm,
)
from clusterhub.matchmaking.ics import agenda_calendar
from clusterhub.matchmaking.models import (
    Meeting,
)
from clusterhub.matchmaking.participant_links import closed_link_answered
from clusterhub.matchmaking.recommendations import recommended_for

# --- participants ---------------------------------------------------------------------------


@closed_link_answered
def home(request: HttpRequest, token: str) -> HttpResponse:
    participant = get_participant_for_token(token)
    services.expire_requests(participant.event)
    context = {
        "participant": participant,
        "event": participant.event,
        "received": queries.received_requests(participant),
        "sent": queries.sent_requests(participant),
        "agenda": queries.agenda_of(participant),
    }
    return render(request, "matchmaking/home.html", context)


@require_http_methods(["GET", "POST"])
@closed_link_answered
def profile(request: HttpRequest, token: str) -> HttpResponse:
    participant = get_participant_for_token(token)
    slots = queries.event_slots(participant.event)
    every_slot = [slot.id for slot in slots]
    initial = {
        "offers": participant.offers,
        "seeks": participant.seeks,
        "max_meetings": participant.max_meetings,
        "available_slots": (
            every_slot if participant.available_slots is None else participant.available_slots
        ),
    }
    form = ProfileForm(request.POST or None, initial=initial, slots=slots)
    if request.method == "POST" and form.is_valid():
        services.save_profile(participant, **form.cleaned_data)
        messages.success(request, _("Ihr Profil ist gespeichert."))
        return redirect("matchmaking:home", token=token)
    return render(request, "matchmaking/profile.html", {"participant": participant, "form": form})


@closed_link_answered
def directory(request: HttpRequest, token: str) -> HttpResponse:
    participant = get_participant_for_token(token)
    services.expire_requests(participant.event)
    context = {
        "participant": participant,
        "event": participant.event,
        "entries": queries.directory_for(participant),
        "recommended": recommended_for(participant),
        "form": RequestForm(),
    }
    return render(request, "matchmaking/directory.html", context)


@require_POST
@closed_link_answered
def send_request(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    participant = get_participant_for_token(token)
    partner = get_partner_for_participant(participant, pk)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Die Nachricht ist zu lang."))
    else:
        try:
            services.send_request(participant, partner, form.cleaned_data["message"])
        except services.RequestNotAllowed:
            messages.error(request, _("Sie haben diese Person bereits angefragt."))
        else:
            messages.success(
                request, _("Ihre Anfrage an %(name)s ist verschickt.") % {"name": partner}
            )
    return redirect("matchmaking:directory", token=token)


@require_POST
@closed_link_answered
def answer_request(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    participant = get_participant_for_token(token)
    meeting_request = get_received_request(participant, pk)
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer_request(meeting_request, accept=accept)
    except services.RequestNotAllowed:
        messages.error(request, _("Diese Anfrage ist nicht mehr offen."))
    else:
        messages.success(request, _("Anfrage angenommen.") if accept else _("Anfrage abgelehnt."))
    return redirect("matchmaking:home", token=token)


@closed_link_answered
def agenda_ics(request: HttpRequest, token: str) -> HttpResponse:
    participant = get_participant_for_token(token)
    document = agenda_calendar(participant, queries.agenda_of(participant))
    response = HttpResponse(document, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meine-treffen.ics"'
    return response


@closed_link_answered
def booking(request: HttpRequest, token: str) -> HttpResponse:
    """Accepted requests without a meeting, each with the pair's common free slots."""
    participant = get_participant_for_token(token)
    now = timezone.now()
    options = [
        (
            meeting_request,
            (
                meeting_request.recipient
                if meeting_request.sender_id == participant.pk
                else meeting_request.sender
            ),
            rules.common_free_slots(meeting_request, after=now),
        )
        for meeting_request in placement.bookable_requests(participant)
    ]
    context = {"participant": participant, "event": participant.event, "options": options}
    return render(request, "matchmaking/booking.html", context)


@require_POST
@closed_link_answered
def book(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    participant = get_participant_for_token(token)
    meeting_request = get_own_request(participant, pk)
    form = BookingForm(request.POST)
    table = None
    if form.is_valid():
        table = table_for_participant(participant, form.cleaned_data["table"])
    if table is None:
        messages.error(request, _("Bitte wählen Sie ein Zeitfenster und einen Tisch."))
        return redirect("matchmaking:booking", token=token)
    try:
        placement.book_meeting(participant, meeting_request, form.cleaned_data["slot"], table)
    except placement.PlacementRefused as refused:
        messages.error(request, " ".join(refused.problems))
        return redirect("matchmaking:booking", token=token)
    messages.success(request, _("Das Treffen ist gebucht."))
    return redirect("matchmaking:home", token=token)


# --- organiser ------------------------------------------------------------------------------


@staff_required
def organiser(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    context = {
        "event": event,
        "slots": queries.event_slots(event),
        "session_form": SessionForm(),
        "table_form": TableForm(event=event),
        "batch_form": TableBatchForm(),
        **queries.organiser_overview(event),
    }
    return render(request, "matchmaking/organiser.html", context)


@staff_required
@require_POST
def add_session(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    form = SessionForm(request.POST)
    if form.is_valid():
        planning.add_session(form.save(commit=False), event, actor=request.user)
        messages.success(request, _("Die Runde ist angelegt."))
    else:
        messages.error(
            request,
            _("Die Runde konnte nicht angelegt werden: %(errors)s")
            % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
        )
    return redirect("matchmaking:organiser", pk=pk)


@staff_required
@require_POST
def add_tables(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    if "count" in request.POST:
        batch = TableBatchForm(request.POST)
        if batch.is_valid():
            planning.add_numbered_tables(
                event,
                batch.cleaned_data["count"],
                virtual=batch.cleaned_data["virtual"],
                actor=request.user,
            )
            messages.success(request, _("Die Tische sind angelegt."))
        else:
            messages.error(request, _("Bitte geben Sie eine Anzahl an."))
    else:
        form = TableForm(request.POST, event=event)
        if form.is_valid():
            planning.add_table(form.save(commit=False), event, actor=request.user)
            messages.success(request, _("Der Tisch ist angelegt."))
        else:
            messages.error(request, _("Der Tisch konnte nicht angelegt werden."))
    return redirect("matchmaking:organiser", pk=pk)


@staff_required
@require_POST
def enroll(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    try:
        created = services.enroll_registrations(event, actor=request.user)
    except services.EnrolmentRefused as refused:
        messages.error(
            request,
            _("Es werden keine Teilnehmenden übernommen: %(reason)s") % {"reason": refused},
        )
        return redirect("matchmaking:organiser", pk=pk)
    messages.success(request, _("%(count)d Teilnehmende übernommen.") % {"count": len(created)})
    return redirect("matchmaking:organiser", pk=pk)


@staff_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    count = planning.publish_schedule(event, actor=request.user)
    messages.success(request, _("%(count)d Treffen veröffentlicht.") % {"count": count})
    return redirect("matchmaking:grid", pk=pk)


@staff_required
def grid(request: HttpRequest, pk: int) -> HttpResponse:
    # The grid names who meets whom: personal data of the event's clusters, like the
    # organiser's page and each meeting's page.
    event = get_event_for_user(request.user, pk, write=True)
    context = {"event": event, "grid": queries.schedule_grid(event)}
    return render(request, "matchmaking/grid.html", context)


def _meeting_page(
    request: HttpRequest,
    event_pk: int,
    meeting: Meeting,
    move_form: MoveMeetingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    event = meeting.event
    pair = (meeting.request.sender, meeting.request.recipient)
    context = {
        "event": event,
        "meeting": meeting,
        "move_form": move_form
        or MoveMeetingForm(
            initial={"slot": meeting.slot_id, "table": meeting.table_id},
            slots=queries.event_slots(event),
            event=event,
        ),
        "no_show_form": NoShowForm(initial={"absent": list(meeting.no_shows.all())}, pair=pair),
    }
    return render(request, "matchmaking/meeting.html", context, status=status)


@staff_required
def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk, meeting_pk, write=True)
    return _meeting_page(request, pk, meeting)


@staff_required
@require_POST
def move_meeting(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk, meeting_pk, write=True)
    event = meeting.event
    form = MoveMeetingForm(request.POST, slots=queries.event_slots(event), event=event)
    if not form.is_valid():
        return _meeting_page(request, pk, meeting, form, status=400)
    try:
        placement.move_meeting(
            meeting, form.cleaned_data["slot"], form.cleaned_data["table"], actor=request.user
        )
    except placement.PlacementRefused as refused:
        for problem in refused.problems:
            form.add_error(None, problem)
        meeting.refresh_from_db()
        return _meeting_page(request, pk, meeting, form, status=400)
    messages.success(request, _("Das Treffen ist verschoben und festgelegt."))
    return redirect("matchmaking:grid", pk=pk)


@staff_required
@require_POST
def mark_no_shows(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk, meeting_pk, write=True)
    form = NoShowForm(request.POST, pair=(meeting.request.sender, meeting.request.recipient))
    if form.is_valid():
        placement.mark_no_shows(meeting, form.cleaned_data["absent"], actor=request.user)
        messages.success(request, _("Die Anwesenheit ist gespeichert."))
    return redirect("matchmaking:meeting", pk=pk, meeting_pk=meeting_pk)
