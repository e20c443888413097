"""The only doors to matchmaking objects. Participants come in by their magic-link token
(no account); organisers through ``events.access.get_event_for_user``."""

from __future__ import annotations

from django.http import Http404

from clusterhub.matchmaking.models import MeetingRequest, Participant


def get_participant_for_token(token: str) -> Participant:
    """The participant whose link this is; 404 for any other token."""
    participant = (
        Participant.objects.select_related("event", "registration__person")
        .filter(token=token)
        .first()
    )
    if participant is None or not token:
        raise Http404
    return participant


def get_partner_for_participant(participant: Participant, pk: int) -> Participant:
    """Another participant of the same event; 404 otherwise."""
    partner = (
        Participant.objects.filter(event_id=participant.event_id, pk=pk)
        .exclude(pk=participant.pk)
        .select_related("registration__person")
        .first()
    )
    if partner is None:
        raise Http404
    return partner


def get_received_request(participant: Participant, pk: int) -> MeetingRequest:
    """A request sent to ``participant``: only the recipient may answer it."""
    request = MeetingRequest.objects.filter(recipient=participant, pk=pk).first()
    if request is None:
        raise Http404
    return request
