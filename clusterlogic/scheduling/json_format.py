"""Reading instances and writing schedules in the JSON form of ``shared/formats/meetings.md``.

Parsing collects every problem it finds, rather than stopping at the first, so that whoever
prepared the file can mend it in one go.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from clusterlogic.scheduling.model import (
    MAX_WEIGHT,
    Assignment,
    Instance,
    InvalidInstance,
    Meeting,
    Participant,
    Schedule,
    Slot,
    Table,
)


def _objects(data: dict[str, Any], key: str, problems: list[str]) -> list[dict[str, Any]]:
    if key not in data:
        problems.append(f"'{key}' is missing (a list, empty if there are none)")
        return []
    value = data[key]
    if not isinstance(value, list):
        problems.append(f"'{key}' must be a list")
        return []
    objects = []
    for position, item in enumerate(value):
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
            objects.append(item)
        else:
            problems.append(f"{key}[{position}] must be an object with a non-empty string 'id'")
    return objects


def _timestamp(raw: object, where: str, problems: list[str]) -> datetime | None:
    if isinstance(raw, str):
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    problems.append(f"{where} must be an ISO 8601 date-time, got {raw!r}")
    return None


def _slots(data: dict[str, Any], problems: list[str]) -> list[Slot]:
    slots = []
    for item in _objects(data, "slots", problems):
        start = _timestamp(item.get("start"), f"slot {item['id']}: 'start'", problems)
        end = _timestamp(item.get("end"), f"slot {item['id']}: 'end'", problems)
        if start is not None and end is not None:
            slots.append(Slot(id=item["id"], start=start, end=end))
    return slots


def _participant(item: dict[str, Any], problems: list[str]) -> Participant:
    where = f"participant {item['id']}"
    available = item.get("available")
    if available is not None and not (
        isinstance(available, list) and all(isinstance(slot, str) for slot in available)
    ):
        problems.append(f"{where}: 'available' must be a list of slot ids")
        available = None
    max_meetings = item.get("max_meetings")
    if max_meetings is not None and (
        isinstance(max_meetings, bool) or not isinstance(max_meetings, int) or max_meetings < 0
    ):
        problems.append(f"{where}: 'max_meetings' must be a whole number >= 0")
        max_meetings = None
    table = item.get("table")
    if table is not None and not isinstance(table, str):
        problems.append(f"{where}: 'table' must be a table id")
        table = None
    return Participant(
        id=item["id"],
        available=None if available is None else frozenset(available),
        max_meetings=max_meetings,
        table=table,
    )


def _meeting(item: dict[str, Any], problems: list[str]) -> Meeting:
    where = f"meeting {item['id']}"
    participants = item.get("participants")
    if not (isinstance(participants, list) and all(isinstance(p, str) for p in participants)):
        problems.append(f"{where}: 'participants' must be a list of participant ids")
        participants = []
    weight = item.get("weight", 1.0)
    if (
        isinstance(weight, bool)
        or not isinstance(weight, int | float)
        or not 0 <= weight <= MAX_WEIGHT  # NaN and infinity fail this too
    ):
        problems.append(
            f"{where}: 'weight' must be a number from 0 to {MAX_WEIGHT:g}, got {weight!r}"
        )
        weight = 1.0
    required = item.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"{where}: 'required' must be true or false")
        required = False
    return Meeting(
        id=item["id"], participants=tuple(participants), weight=float(weight), required=required
    )


def instance_from_json(data: object) -> Instance:
    """Build an instance from decoded JSON; raises InvalidInstance naming every problem found.

    Only the shape is checked here; `validation.find_instance_problems` checks the references.
    """
    if not isinstance(data, dict):
        raise InvalidInstance(["the instance must be a JSON object"])
    problems: list[str] = []
    slots = _slots(data, problems)
    tables = [Table(id=item["id"]) for item in _objects(data, "tables", problems)]
    participants = [
        _participant(item, problems) for item in _objects(data, "participants", problems)
    ]
    meetings = [_meeting(item, problems) for item in _objects(data, "meetings", problems)]
    if problems:
        raise InvalidInstance(problems)
    return Instance(
        slots=tuple(slots),
        tables=tuple(tables),
        participants=tuple(participants),
        meetings=tuple(meetings),
    )


def instance_to_json(instance: Instance) -> dict[str, Any]:
    def participant(p: Participant) -> dict[str, Any]:
        row: dict[str, Any] = {"id": p.id}
        if p.available is not None:
            order = {slot.id: position for position, slot in enumerate(instance.slots)}
            row["available"] = sorted(p.available, key=lambda slot: (order.get(slot, -1), slot))
        if p.max_meetings is not None:
            row["max_meetings"] = p.max_meetings
        if p.table is not None:
            row["table"] = p.table
        return row

    return {
        "slots": [
            {"id": s.id, "start": s.start.isoformat(), "end": s.end.isoformat()}
            for s in instance.slots
        ],
        "tables": [{"id": t.id} for t in instance.tables],
        "participants": [participant(p) for p in instance.participants],
        "meetings": [
            {
                "id": m.id,
                "participants": list(m.participants),
                "weight": m.weight,
                "required": m.required,
            }
            for m in instance.meetings
        ],
    }


def assignments_from_json(data: object) -> tuple[Assignment, ...]:
    """The assignments of an earlier schedule (for ``--pinned``); other keys are ignored."""
    rows = data.get("assignments") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise InvalidInstance(["a schedule must be a JSON object with a list 'assignments'"])
    assignments = []
    problems = []
    for position, row in enumerate(rows):
        if isinstance(row, dict) and all(
            isinstance(row.get(key), str) for key in ("meeting", "slot", "table")
        ):
            assignments.append(
                Assignment(meeting=row["meeting"], slot=row["slot"], table=row["table"])
            )
        else:
            problems.append(f"assignments[{position}] needs string 'meeting', 'slot' and 'table'")
    if problems:
        raise InvalidInstance(problems)
    return tuple(assignments)


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    stats = schedule.stats
    return {
        "assignments": [
            {"meeting": a.meeting, "slot": a.slot, "table": a.table} for a in schedule.assignments
        ],
        "unscheduled": [{"meeting": u.meeting, "reason": u.reason} for u in schedule.unscheduled],
        "stats": {
            "meetings": stats.meetings,
            "scheduled": stats.scheduled,
            "weight": stats.weight,
            "upper_bound": stats.upper_bound,
            "idle_gaps": stats.idle_gaps,
            "seconds": stats.seconds,
        },
    }
