"""A participant's published meetings as a printable PDF (HTML template through WeasyPrint)."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from clusterhub.matchmaking.models import Participant
from clusterhub.matchmaking.queries import AgendaEntry


def agenda_pdf(participant: Participant, entries: Sequence[AgendaEntry]) -> bytes:
    html = render_to_string(
        "matchmaking/agenda_pdf.html",
        {
            "participant": participant,
            "event": participant.event,
            "agenda": entries,
            "printed_at": timezone.now(),
        },
    )
    document: bytes = HTML(string=html).write_pdf()
    return document
