"""Writes for the participant side: enrolment, profiles, meeting requests and answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.core.locks import live_meeting_requests_for_update
from clusterhub.events.models import Event, Registration
from clusterhub.matchmaking.access import active_participants, event_is_over
from clusterhub.matchmaking.agenda_mail import queue_welcome_mails
from clusterhub.matchmaking.models import MeetingRequest, Participant

Status = MeetingRequest.Status


class RequestNotAllowed(ValueError):
    """A request to oneself, to someone of another event or who no longer takes part, or one
    that already stands."""


class EnrolmentRefused(ValueError):
    """The event takes no more matchmaking participants; the message says why, in words."""


def _both_take_part(*participants: Participant) -> bool:
    """Whether every one of them still holds a place (read now, not from a cached row)."""
    pks = {participant.pk for participant in participants}
    return active_participants(participants[0].event_id).filter(pk__in=pks).count() == len(pks)


def request_lifetime() -> dt.timedelta:
    """How long a request waits for an answer; unanswered ones hold the recipient's slots."""
    return dt.timedelta(hours=settings.CLUSTERHUB_MATCHMAKING_REQUEST_HOURS)


def enroll_registrations(event: Event, *, actor: Actor = None) -> list[Participant]:
    """A matchmaking profile for every registration holding a place that has none yet.

    Refused (``EnrolmentRefused``) for an event that is over or cancelled: its links would
    open nothing, and no meeting can take place any more."""
    if event.status == Event.Status.CANCELLED:
        raise EnrolmentRefused(_("Die Veranstaltung ist abgesagt."))
    if event_is_over(event):
        raise EnrolmentRefused(_("Die Veranstaltung ist schon vorbei."))
    registrations = event.registrations.filter(status__in=Registration.HOLDS_PLACE).exclude(
        matchmaking_participant__isnull=False
    )
    created = [
        Participant.objects.create(event=event, registration=registration)
        for registration in registrations
    ]
    for participant in created:
        audit.record(actor, AuditEntry.Action.CREATE, participant)
    queue_welcome_mails(created)
    return created


def save_profile(
    participant: Participant,
    *,
    offers: str,
    seeks: str,
    max_meetings: int | None,
    available_slots: Iterable[str],
) -> Participant:
    participant.offers = offers
    participant.seeks = seeks
    participant.max_meetings = max_meetings
    participant.available_slots = sorted(set(available_slots))
    participant.save(update_fields=["offers", "seeks", "max_meetings", "available_slots"])
    audit.record(
        None, AuditEntry.Action.UPDATE, participant, {"available": len(participant.available_slots)}
    )
    return participant


def expire_requests(event: Event | None = None, *, now: dt.datetime | None = None) -> int:
    """Unanswered requests past their time expire, so they no longer hold anyone's slots."""
    now = now or timezone.now()
    stale = MeetingRequest.objects.filter(status=Status.REQUESTED, expires_at__lte=now)
    if event is not None:
        stale = stale.filter(event=event)
    return stale.update(status=Status.EXPIRED, answered_at=now)


@transaction.atomic
def send_request(
    sender: Participant, recipient: Participant, message: str, *, now: dt.datetime | None = None
) -> MeetingRequest:
    """Ask ``recipient`` for a meeting. If they already asked ``sender``, that request is
    accepted and marked mutual (it weighs double in the schedule) instead of a second one."""
    now = now or timezone.now()
    if sender.pk == recipient.pk or sender.event_id != recipient.event_id:
        raise RequestNotAllowed
    if not _both_take_part(sender, recipient):
        raise RequestNotAllowed
    expire_requests(sender.event, now=now)
    between = live_meeting_requests_for_update()
    reverse = between.filter(sender=recipient, recipient=sender).first()
    if reverse is not None:
        if reverse.status == Status.REQUESTED:
            reverse.status = Status.ACCEPTED
            reverse.answered_at = now
        reverse.mutual = True
        reverse.save(update_fields=["status", "answered_at", "mutual"])
        audit.record(None, AuditEntry.Action.UPDATE, reverse, {"mutual": True})
        return reverse
    if between.filter(sender=sender, recipient=recipient).exists():
        raise RequestNotAllowed
    request = MeetingRequest.objects.create(
        event=sender.event,
        sender=sender,
        recipient=recipient,
        message=message,
        expires_at=now + request_lifetime(),
    )
    audit.record(None, AuditEntry.Action.CREATE, request)
    return request


def answer_request(
    request: MeetingRequest, *, accept: bool, now: dt.datetime | None = None
) -> MeetingRequest:
    """The recipient's answer; only a request still waiting (not expired) can be answered."""
    now = now or timezone.now()
    if request.status != Status.REQUESTED or request.expires_at <= now:
        raise RequestNotAllowed
    if not _both_take_part(request.sender, request.recipient):
        raise RequestNotAllowed
    request.status = Status.ACCEPTED if accept else Status.DECLINED
    request.answered_at = now
    request.save(update_fields=["status", "answered_at"])
    audit.record(None, AuditEntry.Action.UPDATE, request, {"status": request.status})
    return request
