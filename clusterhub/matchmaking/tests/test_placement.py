"""Meetings placed by hand: moving and pinning, direct booking, no-shows; rules checked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from clusterhub.matchmaking import placement, planning, rules, services
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Table
from clusterhub.matchmaking.tests.conftest import Brokerage

NINE, NINE_TWENTY, TEN = "2027-05-12T0900", "2027-05-12T0920", "2027-05-12T1000"
BEFORE_THE_EVENT = dt.datetime(2027, 5, 1, tzinfo=dt.UTC)


def accepted(brokerage: Brokerage, sender: int, recipient: int) -> MeetingRequest:
    people = brokerage.participants
    request = services.send_request(people[sender], people[recipient], "")
    return services.answer_request(request, accept=True)


def scheduled(brokerage: Brokerage, sender: int, recipient: int, slot: str, table: int) -> Meeting:
    return Meeting.objects.create(
        event=brokerage.event,
        request=accepted(brokerage, sender, recipient),
        slot_id=slot,
        table=brokerage.tables[table],
    )


def refusal(call: object) -> str:
    assert callable(call)
    with pytest.raises(placement.PlacementRefused) as refused:
        call()
    return " ".join(refused.value.problems)


def test_a_moved_meeting_is_pinned_and_stays_on_the_next_run(brokerage: Brokerage) -> None:
    first = accepted(brokerage, 0, 1)
    planning.compute_schedule(brokerage.event)
    meeting = Meeting.objects.get(request=first)
    target = TEN if meeting.slot_id != TEN else NINE
    placement.move_meeting(meeting, target, brokerage.tables[1])
    accepted(brokerage, 0, 2)
    accepted(brokerage, 1, 2)
    assert planning.compute_schedule(brokerage.event).scheduled == 3
    meeting = Meeting.objects.get(request=first)
    assert (meeting.slot_id, meeting.table_id, meeting.pinned) == (
        target,
        brokerage.tables[1].pk,
        True,
    )


def test_moving_into_a_taken_table_or_a_busy_person_is_refused(brokerage: Brokerage) -> None:
    busy = scheduled(brokerage, 0, 1, NINE, 0)
    moving = scheduled(brokerage, 0, 2, TEN, 1)
    message = refusal(lambda: placement.move_meeting(moving, NINE, brokerage.tables[0]))
    assert "Tisch T01 ist in diesem Zeitfenster schon belegt." in message
    anna = brokerage.participants[0].display_name
    assert f"{anna} hat in diesem Zeitfenster schon ein Treffen." in message
    moving.refresh_from_db()
    assert (moving.slot_id, moving.pinned) == (TEN, False)
    assert busy.slot_id == NINE


def test_moving_to_an_unavailable_slot_or_an_unknown_one_is_refused(brokerage: Brokerage) -> None:
    carla = brokerage.participants[2]
    services.save_profile(carla, offers="", seeks="", max_meetings=None, available_slots=[TEN])
    moving = scheduled(brokerage, 0, 2, TEN, 0)
    message = refusal(lambda: placement.move_meeting(moving, NINE, brokerage.tables[0]))
    assert message == f"{carla.display_name} ist in diesem Zeitfenster nicht verfügbar."
    message = refusal(lambda: placement.move_meeting(moving, "2027-05-12T0700", moving.table))
    assert "Zeitfenster gibt es" in message


def test_an_exhibitor_meets_at_their_booth_and_lends_it_to_no_one(brokerage: Brokerage) -> None:
    anna, _bert, _carla = brokerage.participants
    booth = Table.objects.create(event=brokerage.event, label="Stand A", owner=anna)
    with_anna = scheduled(brokerage, 0, 1, NINE, 0)
    message = refusal(lambda: placement.move_meeting(with_anna, TEN, brokerage.tables[1]))
    assert "am eigenen Stand" in message
    placement.move_meeting(with_anna, TEN, booth)
    without_anna = scheduled(brokerage, 1, 2, NINE, 0)
    message = refusal(lambda: placement.move_meeting(without_anna, NINE_TWENTY, booth))
    assert "Stand A ist ein Stand" in message


def test_booking_lists_common_free_slots_and_announces_the_meeting(brokerage: Brokerage) -> None:
    anna, bert, _carla = brokerage.participants
    request = accepted(brokerage, 0, 1)
    scheduled(brokerage, 0, 2, NINE, 0)
    services.save_profile(bert, offers="", seeks="", max_meetings=None, available_slots=[NINE, TEN])
    free = rules.common_free_slots(request, after=BEFORE_THE_EVENT)
    assert [(f.slot.id, [t.label for t in f.tables]) for f in free] == [(TEN, ["T01", "T02"])]
    assert placement.bookable_requests(bert) == [request]
    meeting = placement.book_meeting(bert, request, TEN, brokerage.tables[1], now=BEFORE_THE_EVENT)
    assert (meeting.announced, meeting.pinned, meeting.slot_id) == (True, True, TEN)
    assert placement.bookable_requests(anna) == []
    message = refusal(
        lambda: placement.book_meeting(
            anna, request, NINE, brokerage.tables[1], now=BEFORE_THE_EVENT
        )
    )
    assert "schon ein Treffen" in message


def test_booking_is_refused_for_past_slots_strangers_and_unaccepted_requests(
    brokerage: Brokerage,
) -> None:
    anna, _bert, carla = brokerage.participants
    request = accepted(brokerage, 0, 1)
    table = brokerage.tables[0]
    during = dt.datetime(2027, 5, 12, 9, 30, tzinfo=timezone.get_default_timezone())
    assert [f.slot.id for f in rules.common_free_slots(request, after=during)] == [TEN]
    message = refusal(lambda: placement.book_meeting(anna, request, NINE, table, now=during))
    assert "schon begonnen" in message
    message = refusal(lambda: placement.book_meeting(carla, request, TEN, table, now=during))
    assert "nicht zu Ihnen" in message
    waiting = services.send_request(carla, anna, "")
    message = refusal(lambda: placement.book_meeting(anna, waiting, TEN, table, now=during))
    assert "nicht angenommen" in message
    assert not Meeting.objects.exists()


def test_a_participant_at_their_cap_has_no_free_slots_and_cannot_book(
    brokerage: Brokerage,
) -> None:
    anna = brokerage.participants[0]
    services.save_profile(anna, offers="", seeks="", max_meetings=1, available_slots=[NINE, TEN])
    scheduled(brokerage, 0, 2, NINE, 0)
    request = accepted(brokerage, 0, 1)
    assert rules.common_free_slots(request, after=BEFORE_THE_EVENT) == []
    message = refusal(
        lambda: placement.book_meeting(
            anna, request, TEN, brokerage.tables[0], now=BEFORE_THE_EVENT
        )
    )
    assert "Höchstzahl von 1 Treffen" in message


def test_no_shows_are_recorded_for_the_pair_only(brokerage: Brokerage) -> None:
    _anna, bert, carla = brokerage.participants
    meeting = scheduled(brokerage, 0, 1, NINE, 0)
    assert placement.mark_no_shows(meeting, [bert, carla]) == [bert.pk]
    assert list(meeting.no_shows.all()) == [bert]
    assert placement.mark_no_shows(meeting, []) == []
    assert not meeting.no_shows.exists()
