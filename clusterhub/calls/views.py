"""Calls pages: list with filters, a call, a call entered by hand, forwarding a call."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.roles import viewer_for
from clusterhub.calls import queries, services
from clusterhub.calls.access import (
    can_enter_calls,
    can_forward_calls,
    forwardings_visible_to,
    get_call_for_user,
)
from clusterhub.calls.forms import CallFilterForm, ForwardForm, FundingCallForm
from clusterhub.calls.mails import ATTRIBUTION, render_forwarding
from clusterhub.calls.models import Forwarding, FundingCall
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import require_viewer, staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.access import organisations_visible_to

PAGE_SIZE = 25
enter_required = require_viewer(can_enter_calls)
forward_required = require_viewer(can_forward_calls)


@staff_required
def call_list(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = CallFilterForm(
        request.GET or None,
        programmes=queries.programme_choices(),
        action_types=queries.action_type_choices(),
    )
    filters = queries.CallFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.CallFilter(
            q=data["q"].strip(),
            open_now=data["open_now"],
            within_weeks=data["within_weeks"],
            programme=data["programme"],
            theme=data["theme"],
            action_type=data["action_type"],
            level=data["level"],
        )
    today = timezone.localdate()
    calls = queries.filtered_calls(viewer, filters, today)
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "today": today,
        "attribution": ATTRIBUTION,
        "can_enter": can_enter_calls(viewer),
    }
    if request.htmx:
        return render(request, "calls/partials/call_results.html", context)
    return render(request, "calls/call_list.html", context)


@staff_required
def call_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk)
    viewer = viewer_for(request.user)
    today = timezone.localdate()
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "status": FundingCall.Status(call.status_on(today)).label,
            "next_deadline": call.next_deadline_on(today),
            "attribution": ATTRIBUTION if call.source == FundingCall.Source.EU_PORTAL else "",
            "can_edit": can_enter_calls(viewer) and call.source == FundingCall.Source.MANUAL,
            "can_forward": can_forward_calls(viewer),
            "forwardings": forwardings_visible_to(viewer, call)[:50],
        },
    )


def _edit(request: HtmxHttpRequest, call: FundingCall | None) -> HttpResponse:
    form = FundingCallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        saved = services.save_call(request.user, form.unsaved_call(), form.cleaned_data["themes"])
        messages.success(request, _("Der Förderaufruf wurde gespeichert."))
        return redirect("calls:detail", pk=saved.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": call})


@enter_required
@require_http_methods(["GET", "POST"])
def call_create(request: HtmxHttpRequest) -> HttpResponse:
    return _edit(request, None)


@enter_required
@require_http_methods(["GET", "POST"])
def call_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_call_for_user(request.user, pk, write=True))


@forward_required
@require_http_methods(["GET", "POST"])
def call_forward(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Pick organisations or a segment → preview (recipients and the mail) → send."""
    call = get_call_for_user(request.user, pk)
    viewer = viewer_for(request.user)
    sender_clusters = clusters_managed_by(viewer)
    form = ForwardForm(
        request.POST or None,
        organisations=organisations_visible_to(viewer),
        sender_clusters=sender_clusters,
    )
    if request.method != "POST" or not form.is_valid():
        return render(request, "calls/call_forward.html", {"call": call, "form": form})
    data = form.cleaned_data
    organisations = queries.segment_organisations(
        viewer, data["organisations"], data["segment_cluster"], data["segment_theme"]
    )
    if "send" in request.POST:
        if data["cluster"] not in sender_clusters:
            raise PermissionDenied
        result = services.forward_call(
            request.user, call, organisations, data["cluster"], data["message"]
        )
        messages.success(
            request,
            _("Der Aufruf wurde an %(count)d Organisationen weitergeleitet.")
            % {"count": len(result.forwarded)},
        )
        if result.without_contact:
            messages.warning(
                request,
                _("Ohne Kontaktadresse, nicht versandt: %(names)s")
                % {"names": ", ".join(o.name for o in result.without_contact)},
            )
        return redirect("calls:detail", pk=call.pk)
    recipients = [(o, services.contact_of(o)) for o in organisations]
    preview = Forwarding(call=call, cluster=data["cluster"], message=data["message"])
    subject, body = render_forwarding(preview, _("[Name der Kontaktperson]"))
    return render(
        request,
        "calls/call_forward.html",
        {
            "call": call,
            "form": form,
            "recipients": recipients,
            "subject": subject,
            "body": body,
            "preview": True,
        },
    )
