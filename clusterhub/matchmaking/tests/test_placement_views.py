"""The pages for hand placement: the organiser's meeting page, a participant's booking page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.matchmaking import services
from clusterhub.matchmaking.models import Meeting, MeetingRequest
from clusterhub.matchmaking.tests.conftest import Brokerage

Login = Callable[[str], Client]
NINE, TEN = "2027-05-12T0900", "2027-05-12T1000"
# Booking offers only slots still ahead; the sessions lie on a fixed day, so the pages are
# looked at from a fixed moment before it rather than from the real clock.
BEFORE_THE_EVENT = dt.datetime(2027, 5, 1, tzinfo=dt.UTC)


def accepted(brokerage: Brokerage, sender: int, recipient: int) -> MeetingRequest:
    people = brokerage.participants
    return services.answer_request(
        services.send_request(people[sender], people[recipient], ""), accept=True
    )


def place(brokerage: Brokerage, sender: int, recipient: int, slot: str, table: int) -> Meeting:
    return Meeting.objects.create(
        event=brokerage.event,
        request=accepted(brokerage, sender, recipient),
        slot_id=slot,
        table=brokerage.tables[table],
    )


def meeting_url(name: str, meeting: Meeting) -> str:
    return reverse(f"matchmaking:{name}", args=[meeting.event_id, meeting.pk])


def test_the_organiser_moves_a_meeting_from_the_grid(brokerage: Brokerage, login: Login) -> None:
    meeting = place(brokerage, 0, 1, NINE, 0)
    staff = login("medtech_manager")
    grid = staff.get(reverse("matchmaking:grid", args=[brokerage.event.pk])).content.decode()
    assert meeting_url("meeting", meeting) in grid
    assert staff.get(meeting_url("meeting", meeting)).status_code == 200
    response = staff.post(
        meeting_url("move_meeting", meeting), {"slot": TEN, "table": brokerage.tables[1].pk}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id, meeting.pinned) == (
        TEN,
        brokerage.tables[1].pk,
        True,
    )


def test_a_move_against_the_rules_shows_the_reason(brokerage: Brokerage, login: Login) -> None:
    place(brokerage, 0, 2, TEN, 0)
    meeting = place(brokerage, 0, 1, NINE, 1)
    response = login("medtech_manager").post(
        meeting_url("move_meeting", meeting), {"slot": TEN, "table": brokerage.tables[0].pk}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tisch T01 ist in diesem Zeitfenster schon belegt." in page
    assert f"{brokerage.participants[0].display_name} hat in diesem Zeitfenster" in page
    meeting.refresh_from_db()
    assert meeting.slot_id == NINE


def test_the_organiser_marks_a_no_show(brokerage: Brokerage, login: Login) -> None:
    meeting = place(brokerage, 0, 1, NINE, 0)
    bert = brokerage.participants[1]
    staff = login("medtech_manager")
    staff.post(meeting_url("mark_no_shows", meeting), {"absent": [bert.pk]})
    assert list(meeting.no_shows.all()) == [bert]
    grid = staff.get(reverse("matchmaking:grid", args=[brokerage.event.pk])).content.decode()
    assert f"{bert.display_name} nicht erschienen" in grid


def test_another_cluster_s_manager_cannot_move_or_mark(brokerage: Brokerage, login: Login) -> None:
    meeting = place(brokerage, 0, 1, NINE, 0)
    client = login("smart_manager")
    for name in ("meeting", "move_meeting", "mark_no_shows"):
        assert client.post(meeting_url(name, meeting), {"slot": TEN}).status_code == 403
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.pinned) == (NINE, False)


def test_a_participant_books_a_free_common_slot(
    brokerage: Brokerage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: BEFORE_THE_EVENT)
    anna, bert, _carla = brokerage.participants
    request = accepted(brokerage, 0, 1)
    place(brokerage, 1, 2, NINE, 0)
    client = Client()
    page = client.get(reverse("matchmaking:booking", args=[anna.token])).content.decode()
    assert bert.display_name in page
    assert f'value="{TEN}"' in page and f'value="{NINE}"' not in page
    url = reverse("matchmaking:book", args=[anna.token, request.pk])
    response = client.post(url, {"slot": NINE, "table": brokerage.tables[1].pk}, follow=True)
    assert "hat in diesem Zeitfenster schon ein Treffen" in response.content.decode()
    response = client.post(url, {"slot": TEN, "table": brokerage.tables[1].pk})
    assert response.status_code == 302
    meeting = Meeting.objects.get(request=request)
    assert (meeting.slot_id, meeting.announced) == (TEN, True)
    home = client.get(reverse("matchmaking:home", args=[bert.token])).content.decode()
    assert anna.display_name in home and "T02" in home


def test_only_the_pair_can_book_their_request(brokerage: Brokerage) -> None:
    carla = brokerage.participants[2]
    request = accepted(brokerage, 0, 1)
    url = reverse("matchmaking:book", args=[carla.token, request.pk])
    assert Client().post(url, {"slot": TEN, "table": brokerage.tables[0].pk}).status_code == 404
    assert not Meeting.objects.exists()
