"""The only doors to matchmaking objects. Participants come in by their magic-link token
(no account); organisers through ``events.access.get_event_for_user``.

A participant counts only while their registration holds a place: whoever cancelled is no
longer listed, recommended, asked or scheduled, and their link stops working. Every link
also expires some days after the event (``link_grace()``), so an old mail opens nothing.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from clusterhub.events.access import get_event_for_user
from clusterhub.events.models import Event, Registration
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant, ScheduleRun, Table

User = AbstractBaseUser | AnonymousUser


class LinkClosed(StrEnum):
    """Why a participant's link no longer opens their pages."""

    CANCELLED = "cancelled"  # the registration was cancelled
    EVENT_CANCELLED = "event_cancelled"
    EXPIRED = "expired"  # the event is over, grace period included


class ParticipantLinkGone(Exception):
    """A real link that no longer opens anything; the views answer 410 with the reason."""

    def __init__(self, reason: LinkClosed, event: Event) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.event = event


def link_grace() -> dt.timedelta:
    """How long after the event's end the links still open (agenda, calendar, PDF)."""
    return dt.timedelta(days=settings.CLUSTERHUB_MATCHMAKING_LINK_GRACE_DAYS)


def event_is_over(event: Event, *, now: dt.datetime | None = None) -> bool:
    return event.ends_at <= (now or timezone.now())


def link_closed_reason(
    participant: Participant, *, now: dt.datetime | None = None
) -> LinkClosed | None:
    """Why the participant's link is closed, or None while it opens their pages."""
    event = participant.event
    if participant.registration.status not in Registration.HOLDS_PLACE:
        return LinkClosed.CANCELLED
    if event.status == Event.Status.CANCELLED:
        return LinkClosed.EVENT_CANCELLED
    if event.ends_at + link_grace() <= (now or timezone.now()):
        return LinkClosed.EXPIRED
    return None


def active_participants(event: Event | int) -> QuerySet[Participant]:
    """The event's participants whose registration still holds a place."""
    event_id = event if isinstance(event, int) else event.pk
    return Participant.objects.filter(
        event_id=event_id, registration__status__in=Registration.HOLDS_PLACE
    )


def live_pair_requests(event: Event | int) -> QuerySet[MeetingRequest]:
    """The event's requests between two participants who both still hold a place."""
    event_id = event if isinstance(event, int) else event.pk
    holds = Registration.HOLDS_PLACE
    return MeetingRequest.objects.filter(
        event_id=event_id,
        sender__registration__status__in=holds,
        recipient__registration__status__in=holds,
    )


def with_active_partner(participant: Participant) -> Q:
    """Requests and meetings (through ``request__``) whose other side still holds a place."""
    holds = Registration.HOLDS_PLACE
    return Q(request__sender=participant, request__recipient__registration__status__in=holds) | Q(
        request__recipient=participant, request__sender__registration__status__in=holds
    )


def get_participant_for_token(token: str, *, now: dt.datetime | None = None) -> Participant:
    """The participant whose link this is; 404 for any other token, ``ParticipantLinkGone``
    for a link that was real but is closed (cancelled, or the event is over)."""
    participant = (
        Participant.objects.select_related("event", "registration__person")
        .filter(token=token)
        .first()
    )
    if participant is None or not token:
        raise Http404
    reason = link_closed_reason(participant, now=now)
    if reason is not None:
        raise ParticipantLinkGone(reason, participant.event)
    return participant


def get_partner_for_participant(participant: Participant, pk: int) -> Participant:
    """Another participant of the same event who still holds a place; 404 otherwise."""
    partner = (
        active_participants(participant.event_id)
        .filter(pk=pk)
        .exclude(pk=participant.pk)
        .select_related("registration__person")
        .first()
    )
    if partner is None:
        raise Http404
    return partner


def get_received_request(participant: Participant, pk: int) -> MeetingRequest:
    """A request sent to ``participant`` by someone still taking part: only the recipient may
    answer it."""
    request = (
        MeetingRequest.objects.filter(
            recipient=participant,
            pk=pk,
            sender__registration__status__in=Registration.HOLDS_PLACE,
        )
        .select_related("sender__registration")
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_own_request(participant: Participant, pk: int) -> MeetingRequest:
    """A request the participant sent or received, with a partner still taking part."""
    request = (
        live_pair_requests(participant.event_id)
        .filter(Q(sender=participant) | Q(recipient=participant), pk=pk)
        .first()
    )
    if request is None:
        raise Http404
    return request


def table_for_participant(participant: Participant, pk: int) -> Table | None:
    """A table of the participant's own event; None otherwise (the booking form says so)."""
    return Table.objects.filter(event_id=participant.event_id, pk=pk).first()


# Organisers: the event's door decides (404 invisible, 403 where ``write`` and it may not be
# managed); then the object must belong to that event, else 404.


def get_meeting_for_user(user: User, event_pk: int, pk: int, *, write: bool = False) -> Meeting:
    event = get_event_for_user(user, event_pk, write=write)
    meeting = (
        Meeting.objects.select_related(
            "table",
            "request__sender__registration__person",
            "request__recipient__registration__person",
        )
        .filter(event=event, pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    meeting.event = event
    return meeting


def get_participant_for_user(
    user: User, event_pk: int, pk: int, *, write: bool = False
) -> Participant:
    event = get_event_for_user(user, event_pk, write=write)
    participant = (
        Participant.objects.select_related("registration__person")
        .filter(event=event, pk=pk)
        .first()
    )
    if participant is None:
        raise Http404
    participant.event = event
    return participant


def get_schedule_run_for_user(
    user: User, event_pk: int, pk: int, *, write: bool = False
) -> ScheduleRun:
    event = get_event_for_user(user, event_pk, write=write)
    run = ScheduleRun.objects.filter(event=event, pk=pk).first()
    if run is None:
        raise Http404
    run.event = event
    return run
