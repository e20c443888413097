"""The agenda as PDF (participant), mailing agendas and one participant's overview (organiser).

Kept apart from ``views`` so neither module grows past a readable size.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.events.access import get_event_for_user
from clusterhub.matchmaking import queries
from clusterhub.matchmaking.access import get_participant_for_token, get_participant_for_user
from clusterhub.matchmaking.agenda_mail import queue_agenda_mails
from clusterhub.matchmaking.agenda_pdf import agenda_pdf
from clusterhub.matchmaking.participant_links import closed_link_answered


@closed_link_answered
def agenda_pdf_download(request: HttpRequest, token: str) -> HttpResponse:
    """The published agenda as PDF; 404 while nothing is published (there is nothing to print)."""
    participant = get_participant_for_token(token)
    entries = queries.agenda_of(participant)
    if not entries:
        raise Http404
    response = HttpResponse(agenda_pdf(participant, entries), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="meine-treffen.pdf"'
    return response


@staff_required
@require_POST
def send_agendas(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    with transaction.atomic():
        count = queue_agenda_mails(event)
    if count:
        messages.success(request, _("%(count)d Agenden werden versandt.") % {"count": count})
    else:
        messages.info(
            request,
            _("Alle veröffentlichten Agenden sind bereits in diesem Stand versandt."),
        )
    return redirect("matchmaking:organiser", pk=pk)


@staff_required
def participant_detail(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = get_participant_for_user(request.user, pk, participant_pk, write=True)
    event = participant.event
    context = {
        "event": event,
        "participant": participant,
        "received": queries.received_requests(participant),
        "sent": queries.sent_requests(participant),
        "agenda": queries.agenda_of(participant, announced_only=False),
    }
    return render(request, "matchmaking/participant.html", context)
