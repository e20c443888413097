"""Staff pages that change events: the event form, planning a format, invitations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.decorators import staff_required
from clusterhub.events import editing, invitations
from clusterhub.events.access import can_create_events, get_event_for_user, get_format_for_user
from clusterhub.events.models import Event, Format
from clusterhub.events.staff_forms import (
    EventForm,
    FormatForm,
    PlanEventsForm,
    SegmentForm,
    SendInvitationsForm,
)


def _event_form_page(request: HttpRequest, event: Event | None) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = EventForm(request.POST or None, instance=event, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        saved = editing.save_event(request.user, form.instance, form.cleaned_data)
        messages.success(request, _("Die Veranstaltung wurde gespeichert."))
        return redirect("events:participants", pk=saved.pk)
    return render(request, "events/staff/event_form.html", {"form": form, "event": event})


@staff_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not can_create_events(viewer_for(request.user)):
        raise PermissionDenied
    return _event_form_page(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_form_page(request, get_event_for_user(request.user, pk, write=True))


def _format_form_page(request: HttpRequest, event_format: Format | None) -> HttpResponse:
    form = FormatForm(request.POST or None, instance=event_format, viewer=viewer_for(request.user))
    if request.method == "POST" and form.is_valid():
        editing.save_format(request.user, form.instance, form.cleaned_data)
        messages.success(request, _("Das Format wurde gespeichert."))
        return redirect("events:staff_list")
    return render(request, "events/staff/format_form.html", {"form": form, "format": event_format})


@staff_required
@require_http_methods(["GET", "POST"])
def format_create(request: HttpRequest) -> HttpResponse:
    if not can_create_events(viewer_for(request.user)):
        raise PermissionDenied
    return _format_form_page(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def format_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _format_form_page(request, get_format_for_user(request.user, pk, write=True))


@staff_required
@require_http_methods(["GET", "POST"])
def format_plan(request: HttpRequest, pk: int) -> HttpResponse:
    event_format = get_format_for_user(request.user, pk, write=True)
    form = PlanEventsForm(request.POST or None, event_format=event_format)
    if request.method == "POST" and form.is_valid():
        created = editing.plan_format_events(request.user, event_format, form.cleaned_data["until"])
        messages.success(
            request,
            _("%(count)d Termine neu geplant.") % {"count": len(created)},
        )
        return redirect("events:staff_list")
    upcoming = event_format.events.order_by("-starts_at", "-pk")[:10]
    return render(
        request,
        "events/staff/format_plan.html",
        {"form": form, "format": event_format, "events": upcoming},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """GET with a segment previews: how many, the places left, the mail itself. POST with
    ``send`` sends only when it confirms the count shown (and the waitlist, if any)."""
    event = get_event_for_user(request.user, pk, write=True)
    data = request.POST if request.method == "POST" else request.GET
    form = SegmentForm(data if data else None)
    preview = mail = confirm = None
    if form.is_valid():
        segment = form.segment()
        preview = invitations.preview_invitations(event, segment)
        sending = request.method == "POST" and request.POST.get("send") == "1"
        confirm = SendInvitationsForm(
            request.POST if sending else None,
            preview=preview,
            initial={"confirmed_count": preview.to_invite},
        )
        if sending and confirm.is_valid():
            sent = invitations.send_invitations(request.user, event, segment)
            messages.success(
                request, _("%(count)d Einladungen werden versendet.") % {"count": len(sent)}
            )
            return redirect("events:invite", pk=event.pk)
        mail = invitations.preview_invitation_mail(event, segment)
    context = {
        "event": event,
        "form": form,
        "preview": preview,
        "confirm": confirm,
        "mail": mail,
        "invited": event.invitations.count(),
    }
    return render(request, "events/staff/invite.html", context)
