"""The meeting slots of an event, derived from its matchmaking sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from clusterhub.matchmaking.models import MatchmakingSession
from clusterlogic.scheduling import Slot


def session_slots(sessions: Iterable[MatchmakingSession]) -> tuple[Slot, ...]:
    """The slots in time order, with ids ``d<day number>-<HHMM>`` (day 1 is the first date).

    A slot overlapping a session's break is left out; a slot id that two overlapping
    sessions would share is kept once.
    """
    sessions = sorted(sessions, key=lambda session: (session.date, session.starts_at))
    day_numbers = {day: number for number, day in enumerate(sorted({s.date for s in sessions}), 1)}
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
            slot_id = f"d{day_numbers[session.date]}-{start:%H%M}"
            slots.setdefault(slot_id, Slot(id=slot_id, start=start, end=end))
            start = end
    return tuple(sorted(slots.values(), key=lambda slot: (slot.start, slot.id)))
