"""The meeting slots of an event, derived from its matchmaking sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from clusterhub.matchmaking.models import MatchmakingSession
from clusterlogic.scheduling import Slot


def slot_id_for(date: dt.date, start: dt.time) -> str:
    return f"{date:%Y-%m-%d}T{start:%H%M}"


def session_slots(sessions: Iterable[MatchmakingSession]) -> tuple[Slot, ...]:
    """The slots in time order, with ids ``<date>T<HHMM>`` (``2027-05-12T0900``).

    The id names the calendar date, not a day number, so adding an earlier session never
    renumbers the slots that stored meetings and availabilities refer to. A slot overlapping
    a session's break is left out; a slot id that two overlapping sessions would share is
    kept once.
    """
    sessions = sorted(sessions, key=lambda session: (session.date, session.starts_at))
    zone = timezone.get_default_timezone()
    slots: dict[str, Slot] = {}
    for session in sessions:
        length = dt.timedelta(minutes=max(session.slot_minutes, 1))
        start = dt.datetime.combine(session.date, session.starts_at, tzinfo=zone)
        end_of_session = dt.datetime.combine(session.date, session.ends_at, tzinfo=zone)
        break_start = break_end = None
        if session.break_starts_at and session.break_ends_at:
            break_start = dt.datetime.combine(session.date, session.break_starts_at, tzinfo=zone)
            break_end = dt.datetime.combine(session.date, session.break_ends_at, tzinfo=zone)
        while start + length <= end_of_session:
            end = start + length
            if break_start and break_end and start < break_end and end > break_start:
                # Slots resume when the break ends.
                start = break_end
                continue
            slot_id = slot_id_for(session.date, start.time())
            slots.setdefault(slot_id, Slot(id=slot_id, start=start, end=end))
            start = end
    return tuple(sorted(slots.values(), key=lambda slot: (slot.start, slot.id)))
