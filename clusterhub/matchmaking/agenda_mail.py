"""Mailing each participant their magic link and their published agenda (text, .ics, PDF).

The mails go through the events outbox: ``queue_*`` owe them inside the caller's transaction,
the worker renders them — the PDF included — and sends them outside any transaction or lock
(``prepare_*``, registered with the outbox in ``MatchmakingConfig.ready``). Safe to repeat:
an agenda is owed only when it differs from the one last mailed (``agenda_sent_digest``), so a
second "send agendas" reaches nobody unless a re-publish changed their meetings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusterhub.events.consents import may_be_reminded
from clusterhub.events.mails import link
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.outbox import Prepared, owe_mail
from clusterhub.matchmaking import queries
from clusterhub.matchmaking.agenda_pdf import agenda_pdf
from clusterhub.matchmaking.ics import agenda_calendar
from clusterhub.matchmaking.models import Participant
from clusterhub.matchmaking.queries import AgendaEntry

Kind = EventMail.Kind


def agenda_digest(entries: Sequence[AgendaEntry]) -> str:
    """What the agenda says (when, where, with whom), as a fingerprint."""
    lines = sorted(f"{e.slot.id}|{e.table.label}|{e.partner.pk}" for e in entries)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def needs_agenda_mail(participant: Participant, entries: Sequence[AgendaEntry]) -> bool:
    return bool(entries) and agenda_digest(entries) != participant.agenda_sent_digest


def queue_welcome_mails(participants: list[Participant]) -> None:
    """Owe each newly enrolled participant the magic link to their page, once per enrolment
    (enrolled anew, they have a new link)."""
    for participant in participants:
        owe_mail(
            participant.registration,
            Kind.MATCHMAKING_WELCOME,
            occasion=f"participant {participant.pk}",
        )


def queue_agenda_mails(event: Event) -> int:
    """Owe an agenda mail to each participant whose published agenda has not been mailed as it
    stands; returns how many are due."""
    participants = Participant.objects.filter(event=event).select_related(
        "event", "registration__person"
    )
    due = 0
    for participant in participants:
        entries = queries.agenda_of(participant)
        if needs_agenda_mail(participant, entries):
            # One mail per change: the agenda it announces and the one mailed before it.
            sent = participant.agenda_sent_at.isoformat() if participant.agenda_sent_at else ""
            occasion = f"{agenda_digest(entries)}@{sent}"
            owe_mail(participant.registration, Kind.MATCHMAKING_AGENDA, occasion=occasion)
            due += 1
    return due


def _participant_of(mail: EventMail) -> Participant | None:
    if mail.registration_id is None:
        return None
    participant = (
        Participant.objects.select_related("event", "registration__person")
        .filter(registration_id=mail.registration_id)
        .first()
    )
    if participant is None or participant.registration.status == Registration.Status.CANCELLED:
        return None
    # Like a reminder: once the events consent is withdrawn, no further matchmaking mail.
    if not may_be_reminded(participant.registration):
        return None
    return participant


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


def prepare_agenda(mail: EventMail) -> Prepared | None:
    """The agenda as it stands at delivery, unless it was mailed so already."""
    participant = _participant_of(mail)
    if participant is None:
        return None
    entries = queries.agenda_of(participant)
    if not needs_agenda_mail(participant, entries):
        return None
    digest = agenda_digest(entries)

    def remember() -> None:
        Participant.objects.filter(pk=participant.pk).update(
            agenda_sent_at=timezone.now(), agenda_sent_digest=digest
        )

    return Prepared(build_agenda_message(participant, entries), after_sent=remember)


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


def prepare_welcome(mail: EventMail) -> Prepared | None:
    participant = _participant_of(mail)
    if (
        participant is None
        or participant.welcome_sent_at is not None
        or not participant.registration.recipient
    ):
        return None

    def remember() -> None:
        Participant.objects.filter(pk=participant.pk).update(welcome_sent_at=timezone.now())

    return Prepared(build_welcome_message(participant), after_sent=remember)
