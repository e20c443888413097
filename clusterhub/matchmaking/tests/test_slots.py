"""Slots follow from the sessions: breaks are skipped, ids name the date and the time."""

from __future__ import annotations

import datetime as dt

from clusterhub.matchmaking.models import MatchmakingSession
from clusterhub.matchmaking.slots import session_slots


def session(date: dt.date, start: dt.time, end: dt.time, **fields: object) -> MatchmakingSession:
    return MatchmakingSession(
        name="Runde", date=date, starts_at=start, ends_at=end, slot_minutes=20, **fields
    )


def test_slots_skip_the_break_and_resume_after_it() -> None:
    slots = session_slots(
        [
            session(
                dt.date(2027, 5, 12),
                dt.time(9),
                dt.time(10, 30),
                break_starts_at=dt.time(9, 30),
                break_ends_at=dt.time(9, 45),
            )
        ]
    )
    assert [slot.id for slot in slots] == ["2027-05-12T0900", "2027-05-12T0945", "2027-05-12T1005"]
    assert all(slot.end - slot.start == dt.timedelta(minutes=20) for slot in slots)


def test_ids_name_the_date_whatever_the_session_order() -> None:
    slots = session_slots(
        [
            session(dt.date(2027, 5, 13), dt.time(14), dt.time(14, 20)),
            session(dt.date(2027, 5, 12), dt.time(9), dt.time(9, 20)),
        ]
    )
    assert [slot.id for slot in slots] == ["2027-05-12T0900", "2027-05-13T1400"]
    assert slots[0].start.tzinfo is not None


def test_a_session_shorter_than_a_slot_has_none() -> None:
    assert session_slots([session(dt.date(2027, 5, 12), dt.time(9), dt.time(9, 10))]) == ()


def test_adding_an_earlier_session_keeps_the_ids_of_later_slots() -> None:
    later = session(dt.date(2027, 5, 13), dt.time(9), dt.time(9, 40))
    before = [slot.id for slot in session_slots([later])]
    after = session_slots([session(dt.date(2027, 5, 11), dt.time(14), dt.time(14, 20)), later])
    assert [slot.id for slot in after][1:] == before
    assert after[0].id == "2027-05-11T1400"
