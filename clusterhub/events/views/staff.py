"""Staff pages for events: thin views through ``events.access``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.core.countries import current_country_names
from clusterhub.core.decorators import staff_required
from clusterhub.events import attendance, exports, queries, services
from clusterhub.events.access import (
    can_create_events,
    can_manage_event,
    can_read_feedback_comments,
    events_visible_to,
    failed_mails_visible_to,
    formats_visible_to,
    get_event_for_user,
    get_event_participants_for_user,
    get_format_for_user,
    get_registration_for_user,
)
from clusterhub.events.feedback import feedback_summary
from clusterhub.events.format_statistics import format_statistics, utilisation_chart
from clusterhub.events.forms import ManualRegistrationForm
from clusterhub.events.statistics import event_statistics, rating_chart


@staff_required
def event_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    now = timezone.now()
    context = {
        "events": queries.staff_event_list(events_visible_to(viewer), now),
        "now": now,
        "formats": formats_visible_to(viewer),
        "can_create": can_create_events(viewer),
        "failed_mails": failed_mails_visible_to(viewer).count(),
    }
    return render(request, "events/staff/event_list.html", context)


@staff_required
def failed_mails(request: HttpRequest) -> HttpResponse:
    """Mails that could not be sent after every allowed attempt, with the error."""
    viewer = viewer_for(request.user)
    if not can_create_events(viewer):  # administrators and cluster managers
        raise PermissionDenied
    context = {"mails": failed_mails_visible_to(viewer)[:500]}
    return render(request, "events/staff/failed_mails.html", context)


@staff_required
def participant_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The participants; an HTMX search (typing at the door) gets only the table's rows."""
    allowed = get_event_participants_for_user(request.user, pk)
    event = allowed.event
    query = request.GET.get("q", "").strip()
    context = {
        "event": event,
        "query": query,
        "sees_people": allowed.registrations is not None,
        "registrations": (
            queries.participants(allowed.registrations, query)
            if allowed.registrations is not None
            else []
        ),
        "places": queries.places_of(event),
        "can_manage": can_manage_event(viewer_for(request.user), event),
        "ended": timezone.now() >= event.ends_at,
    }
    if getattr(request, "htmx", False):
        return render(request, "events/staff/partials/participant_table.html", context)
    return render(request, "events/staff/participants.html", context)


@staff_required
def participant_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    allowed = get_event_participants_for_user(request.user, pk, people=True)
    event = allowed.event
    if allowed.registrations is None:  # people=True refuses rather than hiding them
        raise PermissionDenied
    rows = list(queries.participants(allowed.registrations))
    if fmt == "csv":
        response = HttpResponse(exports.participants_csv(rows), content_type="text/csv")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.participants_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    audit.record_export(
        request.user,
        event,
        list_name=_("Teilnehmende (%(fmt)s)") % {"fmt": fmt.upper()},
        rows=len(rows),
    )
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{event.pk}.{fmt}"'
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    form = ManualRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_participant(
                event,
                form.registration_data((get_language() or "de")[:2]),
                actor=request.user,
                by_staff=True,
            )
        except services.RegistrationRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Die Person wurde angemeldet."))
            return redirect("events:participants", pk=event.pk)
    return render(request, "events/staff/participant_add.html", {"event": event, "form": form})


@staff_required
@require_POST
def mark_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_registration_for_user(request.user, pk, write=True)
    event = registration.event
    try:
        attendance.record_attendance(
            request.user,
            registration,
            attended=request.POST.get("attended") == "1",
            now=timezone.now(),
        )
    except services.RegistrationRefused as error:
        messages.error(request, str(error))
    return redirect("events:participants", pk=event.pk)


@staff_required
def statistics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk)
    stats = event_statistics(event)
    names = current_country_names()
    show_comments = can_read_feedback_comments(viewer_for(request.user), event)
    feedback = feedback_summary(event, comments=show_comments)
    context = {
        "show_comments": show_comments,
        "event": event,
        "stats": stats,
        "countries": [(names.get(code, code), count) for code, count in stats.countries],
        "feedback": feedback,
        "rating_chart": rating_chart(feedback),
    }
    return render(request, "events/staff/statistics.html", context)


@staff_required
def format_statistics_page(request: HttpRequest, pk: int) -> HttpResponse:
    event_format = get_format_for_user(request.user, pk)
    rows = format_statistics(event_format)
    context = {"format": event_format, "rows": rows, "chart": utilisation_chart(rows)}
    return render(request, "events/staff/format_statistics.html", context)
