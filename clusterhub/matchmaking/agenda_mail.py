"""Mailing each participant their published agenda: text, .ics and PDF, and their magic link.

Safe to repeat: a participant is mailed only when their agenda differs from the one last
mailed (``agenda_sent_digest``), so a second "send agendas" reaches nobody unless a re-publish
changed their meetings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusterhub.events.mails import link
from clusterhub.matchmaking import queries
from clusterhub.matchmaking.agenda_pdf import agenda_pdf
from clusterhub.matchmaking.ics import agenda_calendar
from clusterhub.matchmaking.models import Participant
from clusterhub.matchmaking.queries import AgendaEntry


def agenda_digest(entries: Sequence[AgendaEntry]) -> str:
    """What the agenda says (when, where, with whom), as a fingerprint."""
    lines = sorted(f"{e.slot.id}|{e.table.label}|{e.partner.pk}" for e in entries)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def needs_agenda_mail(participant: Participant, entries: Sequence[AgendaEntry]) -> bool:
    return bool(entries) and agenda_digest(entries) != participant.agenda_sent_digest


def build_agenda_message(participant: Participant, entries: Sequence[AgendaEntry]) -> EmailMessage:
    registration = participant.registration
    with translation.override(registration.language or "de"):
        context = {
            "participant": participant,
            "event": participant.event,
            "agenda": entries,
            "matchmaking_url": link("matchmaking:home", participant.token),
        }
        body = render_to_string("matchmaking/mails/agenda.txt", context)
        subject = _("Ihre Treffen: %(title)s") % {"title": participant.event.title}
    message = EmailMessage(subject=subject, body=body, to=[registration.recipient])
    message.attach(
        "meine-treffen.ics",
        agenda_calendar(participant, entries),
        "text/calendar; charset=utf-8; method=PUBLISH",
    )
    message.attach("meine-treffen.pdf", agenda_pdf(participant, entries), "application/pdf")
    return message


@transaction.atomic
def send_agenda(participant_pk: int) -> bool:
    """Mail one participant their published agenda unless it was mailed as it stands;
    True when sent now. The row lock keeps two runs for one person from both sending."""
    participant = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("event", "registration__person")
        .get(pk=participant_pk)
    )
    entries = queries.agenda_of(participant)
    if not needs_agenda_mail(participant, entries):
        return False
    build_agenda_message(participant, entries).send()
    participant.agenda_sent_at = timezone.now()
    participant.agenda_sent_digest = agenda_digest(entries)
    participant.save(update_fields=["agenda_sent_at", "agenda_sent_digest"])
    return True


def build_welcome_message(participant: Participant) -> EmailMessage:
    """The magic link to the participant's own matchmaking page, sent when they are enrolled."""
    registration = participant.registration
    with translation.override(registration.language or "de"):
        context = {
            "participant": participant,
            "event": participant.event,
            "matchmaking_url": link("matchmaking:home", participant.token),
        }
        body = render_to_string("matchmaking/mails/welcome.txt", context)
        subject = _("Matchmaking: %(title)s") % {"title": participant.event.title}
    return EmailMessage(subject=subject, body=body, to=[registration.recipient])


@transaction.atomic
def send_welcome(participant_pk: int) -> bool:
    """Mail one participant the link to their page, once; True when sent now."""
    participant = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("event", "registration__person")
        .get(pk=participant_pk)
    )
    if participant.welcome_sent_at is not None or not participant.registration.recipient:
        return False
    build_welcome_message(participant).send()
    participant.welcome_sent_at = timezone.now()
    participant.save(update_fields=["welcome_sent_at"])
    return True
