"""Cancellation and expiry close the door: a participant whose registration was cancelled, or
whose event is over, is no longer reachable, listed, asked or scheduled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.events import services as event_services
from clusterhub.events.models import Event
from clusterhub.matchmaking import access, placement, planning, rules, services
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant
from clusterhub.matchmaking.tests.conftest import Brokerage

Login = Callable[[str], Client]
NINE = "2027-05-12T0900"
EVENT_END = dt.datetime(2027, 5, 12, 16, 0, tzinfo=dt.UTC)


def cancel(participant: Participant) -> None:
    """Cancel the registration the way the person does: through their mailed link."""
    event_services.cancel_registration(participant.registration.token)
    participant.registration.refresh_from_db()


def accepted(sender: Participant, recipient: Participant) -> MeetingRequest:
    return services.answer_request(services.send_request(sender, recipient, ""), accept=True)


def token_links(participant: Participant, request_pk: int) -> list[tuple[str, str]]:
    """Every link that carries the participant's token, with the method it is used with."""
    token = participant.token
    return [
        ("get", reverse("matchmaking:home", args=[token])),
        ("get", reverse("matchmaking:profile", args=[token])),
        ("post", reverse("matchmaking:profile", args=[token])),
        ("get", reverse("matchmaking:directory", args=[token])),
        ("post", reverse("matchmaking:send_request", args=[token, request_pk])),
        ("post", reverse("matchmaking:answer_request", args=[token, request_pk])),
        ("get", reverse("matchmaking:booking", args=[token])),
        ("post", reverse("matchmaking:book", args=[token, request_pk])),
        ("get", reverse("matchmaking:agenda_ics", args=[token])),
        ("get", reverse("matchmaking:agenda_pdf", args=[token])),
    ]


def assert_every_link_is_gone(participant: Participant, request_pk: int, reason: str) -> None:
    client = Client()
    for method, url in token_links(participant, request_pk):
        response = getattr(client, method)(url, {"answer": "accept", "slot": NINE, "table": 1})
        assert response.status_code == 410, url
        page = response.content.decode()
        assert "Dieser Matchmaking-Link gilt nicht mehr" in page, url
        assert reason in page, url
        assert "Meine Treffen" not in page and "BEGIN:VCALENDAR" not in page, url


def test_a_cancelled_registration_closes_every_link(brokerage: Brokerage) -> None:
    anna, bert, _ = brokerage.participants
    request = accepted(anna, bert)
    Meeting.objects.create(
        event=brokerage.event, request=request, slot_id=NINE, table=brokerage.tables[0]
    )
    Meeting.objects.update(announced=True)
    cancel(anna)
    assert_every_link_is_gone(
        anna, request.pk, "Ihre Anmeldung zu „MedTech-Matchmaking“ ist storniert"
    )
    assert list(MeetingRequest.objects.values_list("pk", "status")) == [
        (request.pk, MeetingRequest.Status.ACCEPTED)
    ]
    assert Meeting.objects.get().request_id == request.pk


def test_links_expire_after_the_event_and_its_grace_period(
    brokerage: Brokerage, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.CLUSTERHUB_MATCHMAKING_LINK_GRACE_DAYS = 3
    anna, bert, _ = brokerage.participants
    request = accepted(anna, bert)
    monkeypatch.setattr(timezone, "now", lambda: EVENT_END + dt.timedelta(days=2, hours=23))
    assert access.get_participant_for_token(anna.token) == anna
    assert Client().get(reverse("matchmaking:home", args=[anna.token])).status_code == 200
    monkeypatch.setattr(timezone, "now", lambda: EVENT_END + dt.timedelta(days=3))
    assert_every_link_is_gone(
        anna, request.pk, "ist vorbei, und der persönliche Link ist abgelaufen"
    )


def test_a_cancelled_event_closes_the_links(brokerage: Brokerage) -> None:
    anna, bert, _ = brokerage.participants
    request = accepted(anna, bert)
    Event.objects.filter(pk=brokerage.event.pk).update(status=Event.Status.CANCELLED)
    assert_every_link_is_gone(anna, request.pk, "wurde abgesagt")


def test_a_wrong_token_is_still_not_found(brokerage: Brokerage) -> None:
    with pytest.raises(Http404):
        access.get_participant_for_token("no-such-token")
    assert Client().get(reverse("matchmaking:home", args=["no-such-token"])).status_code == 404


def test_who_cancelled_is_not_listed_to_others(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    cancel(bert)
    page = Client().get(reverse("matchmaking:directory", args=[anna.token])).content.decode()
    assert carla.display_name in page
    assert bert.display_name not in page


def test_no_request_to_or_from_someone_who_cancelled(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    cancel(bert)
    with pytest.raises(services.RequestNotAllowed):
        services.send_request(anna, bert, "")
    with pytest.raises(services.RequestNotAllowed):
        services.send_request(bert, carla, "")
    # Through the page, the partner who cancelled is not found at all.
    url = reverse("matchmaking:send_request", args=[anna.token, bert.pk])
    assert Client().post(url, {"message": ""}).status_code == 404
    assert not MeetingRequest.objects.exists()


def test_a_request_from_someone_who_since_cancelled_can_no_longer_be_accepted(
    brokerage: Brokerage,
) -> None:
    anna, bert, _ = brokerage.participants
    request = services.send_request(anna, bert, "Sensorik?")
    cancel(anna)
    with pytest.raises(services.RequestNotAllowed):
        services.answer_request(request, accept=True)
    inbox = Client().get(reverse("matchmaking:home", args=[bert.token])).content.decode()
    assert "Sensorik?" not in inbox
    url = reverse("matchmaking:answer_request", args=[bert.token, request.pk])
    assert Client().post(url, {"answer": "accept"}).status_code == 404
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED


def test_the_scheduling_run_leaves_out_who_cancelled(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    with_bert = accepted(anna, bert)
    with_carla = accepted(anna, carla)
    Meeting.objects.create(
        event=brokerage.event,
        request=with_bert,
        slot_id=NINE,
        table=brokerage.tables[0],
        announced=True,
    )
    cancel(bert)
    instance = rules.build_instance(brokerage.event)
    assert {p.id for p in instance.participants} == {f"p{anna.pk}", f"p{carla.pk}"}
    assert [m.id for m in instance.meetings] == [f"r{with_carla.pk}"]
    planning.compute_schedule(brokerage.event, seconds=5)
    assert list(Meeting.objects.values_list("request_id", flat=True)) == [with_carla.pk]


def test_the_agenda_drops_a_meeting_with_someone_who_cancelled(brokerage: Brokerage) -> None:
    anna, bert, _ = brokerage.participants
    Meeting.objects.create(
        event=brokerage.event,
        request=accepted(anna, bert),
        slot_id=NINE,
        table=brokerage.tables[0],
        announced=True,
    )
    cancel(bert)
    home = Client().get(reverse("matchmaking:home", args=[anna.token])).content.decode()
    assert bert.display_name not in home
    assert "Ihr Zeitplan ist noch nicht veröffentlicht." in home


def test_enrolling_an_event_that_is_over_is_refused_with_the_reason(
    brokerage: Brokerage, login: Login
) -> None:
    event = brokerage.event
    Participant.objects.all().delete()
    past = timezone.now() - dt.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(starts_at=past - dt.timedelta(hours=3), ends_at=past)
    event.refresh_from_db()
    with pytest.raises(services.EnrolmentRefused, match="schon vorbei"):
        services.enroll_registrations(event)
    response = login("medtech_manager").post(
        reverse("matchmaking:enroll", args=[event.pk]), follow=True
    )
    assert (
        "Es werden keine Teilnehmenden übernommen: Die Veranstaltung ist schon vorbei."
        in response.content.decode()
    )
    assert not Participant.objects.exists()


def test_enrolling_a_cancelled_event_is_refused(brokerage: Brokerage) -> None:
    Participant.objects.all().delete()
    Event.objects.filter(pk=brokerage.event.pk).update(status=Event.Status.CANCELLED)
    brokerage.event.refresh_from_db()
    with pytest.raises(services.EnrolmentRefused, match="abgesagt"):
        services.enroll_registrations(brokerage.event)
    assert not Participant.objects.exists()


def test_the_organiser_sees_who_cancelled_without_their_link(
    brokerage: Brokerage, login: Login
) -> None:
    anna, bert, _ = brokerage.participants
    cancel(bert)
    page = login("medtech_manager").get(reverse("matchmaking:organiser", args=[brokerage.event.pk]))
    html = page.content.decode()
    assert "abgemeldet, nimmt nicht mehr teil" in html
    assert reverse("matchmaking:home", args=[anna.token]) in html
    assert reverse("matchmaking:home", args=[bert.token]) not in html


def test_booking_offers_no_request_with_someone_who_cancelled(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    accepted(anna, bert)
    with_carla = accepted(anna, carla)
    cancel(bert)
    assert placement.bookable_requests(anna) == [with_carla]
