"""Requests: sending, mutual requests, answers and expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from clusterhub.matchmaking import services
from clusterhub.matchmaking.models import MeetingRequest
from clusterhub.matchmaking.tests.conftest import Brokerage

Status = MeetingRequest.Status


def test_enrolment_is_idempotent(brokerage: Brokerage) -> None:
    assert services.enroll_registrations(brokerage.event) == []
    tokens = {participant.token for participant in brokerage.participants}
    assert len(tokens) == 3
    assert all(len(token) >= 40 for token in tokens)


def test_asking_someone_who_already_asked_you_accepts_their_request_as_mutual(
    brokerage: Brokerage,
) -> None:
    anna, bert, _ = brokerage.participants
    first = services.send_request(anna, bert, "Kooperation?")
    second = services.send_request(bert, anna, "Gern!")
    assert second.pk == first.pk
    first.refresh_from_db()
    assert first.status == Status.ACCEPTED
    assert first.mutual
    assert MeetingRequest.objects.count() == 1


def test_a_second_request_to_the_same_person_is_refused(brokerage: Brokerage) -> None:
    anna, bert, _ = brokerage.participants
    services.send_request(anna, bert, "")
    with pytest.raises(services.RequestNotAllowed):
        services.send_request(anna, bert, "noch einmal")
    with pytest.raises(services.RequestNotAllowed):
        services.send_request(anna, anna, "")


def test_unanswered_requests_expire_after_72_hours_by_default(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    now = timezone.now()
    fresh = services.send_request(anna, carla, "", now=now - dt.timedelta(hours=1))
    old = services.send_request(anna, bert, "", now=now - dt.timedelta(hours=73))
    assert services.expire_requests(brokerage.event, now=now) == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.status == Status.EXPIRED
    assert fresh.status == Status.REQUESTED
    with pytest.raises(services.RequestNotAllowed):
        services.answer_request(old, accept=True, now=now)


def test_the_lifetime_follows_the_setting(brokerage: Brokerage, settings: object) -> None:
    settings.CLUSTERHUB_MATCHMAKING_REQUEST_HOURS = 2  # type: ignore[attr-defined]
    anna, bert, _ = brokerage.participants
    now = timezone.now()
    request = services.send_request(anna, bert, "", now=now)
    assert request.expires_at == now + dt.timedelta(hours=2)


def test_an_answered_request_cannot_be_answered_again(brokerage: Brokerage) -> None:
    anna, bert, _ = brokerage.participants
    request = services.answer_request(services.send_request(anna, bert, ""), accept=False)
    assert request.status == Status.DECLINED
    with pytest.raises(services.RequestNotAllowed):
        services.answer_request(request, accept=True)
