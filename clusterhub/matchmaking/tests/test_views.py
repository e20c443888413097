"""The pages: request → accept → schedule → publish → agenda through the views, and access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    ScheduleRun,
    Table,
)
from clusterhub.matchmaking.tests.conftest import Brokerage

Login = Callable[[str], Client]
Capture = Callable[..., Any]


def participant_url(name: str, token: str, *args: int) -> str:
    return reverse(f"matchmaking:{name}", args=[token, *args])


def test_request_accept_schedule_publish_and_agenda(
    brokerage: Brokerage, login: Login, django_capture_on_commit_callbacks: Capture
) -> None:
    anna, bert, _ = brokerage.participants
    visitor = Client()
    listing = visitor.get(participant_url("directory", anna.token))
    assert listing.status_code == 200
    assert "Treffen anfragen" in listing.content.decode()

    response = visitor.post(
        participant_url("send_request", anna.token, bert.pk), {"message": "Sensorik?"}
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get()
    assert (request.sender, request.recipient, request.message) == (anna, bert, "Sensorik?")

    inbox = visitor.get(participant_url("home", bert.token)).content.decode()
    assert "Sensorik?" in inbox and "Annehmen" in inbox
    visitor.post(participant_url("answer_request", bert.token, request.pk), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED

    staff = login("medtech_manager")
    event_pk = brokerage.event.pk
    # The schedule runs as a background task once the request commits (at once in tests).
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(reverse("matchmaking:compute_schedule", args=[event_pk]))
    assert response.status_code == 302
    meeting = Meeting.objects.get(request=request)
    grid = staff.get(reverse("matchmaking:grid", args=[event_pk])).content.decode()
    assert anna.display_name in grid and bert.display_name in grid

    # Not published yet: the agenda says so.
    assert (
        "noch nicht veröffentlicht"
        in visitor.get(participant_url("home", anna.token)).content.decode()
    )
    staff.post(reverse("matchmaking:publish", args=[event_pk]))
    for participant, partner in ((anna, bert), (bert, anna)):
        page = visitor.get(participant_url("home", participant.token)).content.decode()
        assert meeting.table.label in page
        assert partner.display_name in page

    ics = visitor.get(participant_url("agenda_ics", anna.token))
    assert ics["Content-Type"].startswith("text/calendar")
    entries = Calendar.from_ical(ics.content).walk("VEVENT")
    assert len(entries) == 1
    assert bert.display_name in str(entries[0]["summary"])
    assert str(entries[0]["location"]).endswith(meeting.table.label)


def test_a_declined_request_never_reaches_the_grid(
    brokerage: Brokerage, login: Login, django_capture_on_commit_callbacks: Capture
) -> None:
    anna, bert, _ = brokerage.participants
    visitor = Client()
    visitor.post(participant_url("send_request", anna.token, bert.pk), {"message": ""})
    request = MeetingRequest.objects.get()
    visitor.post(participant_url("answer_request", bert.token, request.pk), {"answer": "decline"})
    with django_capture_on_commit_callbacks(execute=True):
        login("medtech_manager").post(
            reverse("matchmaking:compute_schedule", args=[brokerage.event.pk])
        )
    assert not Meeting.objects.exists()


def test_profile_saves_offers_and_availability(brokerage: Brokerage) -> None:
    anna = brokerage.participants[0]
    url = participant_url("profile", anna.token)
    page = Client().get(url).content.decode()
    assert 'value="2027-05-12T0920"' in page
    response = Client().post(
        url,
        {
            "offers": "Sensorik",
            "seeks": "Kliniken",
            "max_meetings": "2",
            "available_slots": ["2027-05-12T0900", "2027-05-12T1000"],
        },
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert (anna.offers, anna.max_meetings) == ("Sensorik", 2)
    assert anna.available_slots == ["2027-05-12T0900", "2027-05-12T1000"]


def test_a_wrong_token_is_not_found(brokerage: Brokerage) -> None:
    bert = brokerage.participants[1]
    client = Client()
    assert client.get(participant_url("home", "nicht-der-richtige-token")).status_code == 404
    assert client.post(participant_url("send_request", "falsch", bert.pk)).status_code == 404


def test_only_the_recipient_answers_a_request(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    client = Client()
    client.post(participant_url("send_request", anna.token, bert.pk), {"message": ""})
    request = MeetingRequest.objects.get()
    for intruder in (anna, carla):
        url = participant_url("answer_request", intruder.token, request.pk)
        assert client.post(url, {"answer": "accept"}).status_code == 404
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.REQUESTED


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("admin", 200),
        ("medtech_manager", 200),
        ("smart_manager", 403),
        ("reader", 403),
        ("member", 403),
        ("anonymous", 302),
    ],
)
def test_the_organiser_page_is_for_the_event_s_managers(
    brokerage: Brokerage, login: Login, role: str, expected: int
) -> None:
    client = login(role)
    assert (
        client.get(reverse("matchmaking:organiser", args=[brokerage.event.pk])).status_code
        == expected
    )


def test_another_cluster_s_manager_cannot_schedule_or_publish(
    brokerage: Brokerage, login: Login
) -> None:
    client = login("smart_manager")
    for name in ("compute_schedule", "publish", "enroll", "add_tables"):
        response = client.post(reverse(f"matchmaking:{name}", args=[brokerage.event.pk]))
        assert response.status_code == 403
    assert not ScheduleRun.objects.exists()


def test_the_organiser_sets_up_sessions_and_tables(brokerage: Brokerage, login: Login) -> None:
    client = login("medtech_manager")
    pk = brokerage.event.pk
    client.post(
        reverse("matchmaking:add_session", args=[pk]),
        {
            "name": "Nachmittag",
            "date": "2027-05-12",
            "starts_at": "14:00",
            "ends_at": "15:00",
            "slot_minutes": "30",
        },
    )
    assert MatchmakingSession.objects.filter(event=brokerage.event, name="Nachmittag").exists()
    client.post(reverse("matchmaking:add_tables", args=[pk]), {"count": "3", "virtual": "on"})
    assert list(
        Table.objects.filter(event=brokerage.event, virtual=True).values_list("label", flat=True)
    ) == ["V01", "V02", "V03"]
    anna = brokerage.participants[0]
    client.post(
        reverse("matchmaking:add_tables", args=[pk]), {"label": "Stand A", "owner": anna.pk}
    )
    assert Table.objects.get(label="Stand A").owner == anna
    page = client.get(reverse("matchmaking:organiser", args=[pk])).content.decode()
    assert "Nachmittag" in page and "Stand A" in page and anna.token in page
