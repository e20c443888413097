"""The JSON form of shared/formats/meetings.md: reading instances, writing schedules."""

from __future__ import annotations

import json

import pytest

from clusterlogic.scheduling import InvalidInstance, Participant, schedule_meetings
from clusterlogic.scheduling.json_format import (
    assignments_from_json,
    instance_from_json,
    instance_to_json,
    schedule_to_json,
)
from clusterlogic.scheduling.synthetic import synthetic_instance

SPEC_EXAMPLE = {
    "slots": [
        {"id": "d1-0900", "start": "2027-05-12T09:00:00+02:00", "end": "2027-05-12T09:20:00+02:00"},
        {"id": "d1-0920", "start": "2027-05-12T09:20:00+02:00", "end": "2027-05-12T09:40:00+02:00"},
    ],
    "tables": [{"id": "T01"}, {"id": "T02"}],
    "participants": [
        {"id": "p17", "available": ["d1-0900", "d1-0920"], "max_meetings": 8, "table": "T02"},
        {"id": "p42"},
    ],
    "meetings": [{"id": "m1", "participants": ["p17", "p42"], "weight": 2.0, "required": False}],
}


def test_spec_example_reads_with_defaults_for_left_out_fields() -> None:
    instance = instance_from_json(SPEC_EXAMPLE)
    assert instance.participants[0] == Participant(
        "p17", available=frozenset({"d1-0900", "d1-0920"}), max_meetings=8, table="T02"
    )
    assert instance.participants[1] == Participant("p42")
    assert instance.meetings[0].weight == 2.0
    assert instance.slots[1].start.utcoffset() is not None


def test_meeting_weight_and_required_default_to_one_and_false() -> None:
    data = {**SPEC_EXAMPLE, "meetings": [{"id": "m1", "participants": ["p17", "p42"]}]}
    (meeting,) = instance_from_json(data).meetings
    assert (meeting.weight, meeting.required) == (1.0, False)


def test_every_shape_problem_is_reported_at_once() -> None:
    data = {
        "slots": [{"id": "s", "start": "noon", "end": "2027-05-12T09:20:00"}],
        "tables": [{"name": "no id"}],
        "participants": [{"id": "p", "max_meetings": -1}],
        "meetings": [{"id": "m", "participants": "p", "weight": "heavy"}],
    }
    with pytest.raises(InvalidInstance) as raised:
        instance_from_json(data)
    assert len(raised.value.problems) == 5


def test_instance_survives_a_round_trip_through_json_text() -> None:
    instance = synthetic_instance(seed=5, participants=20, meetings=30, days=1)
    text = json.dumps(instance_to_json(instance))
    assert instance_from_json(json.loads(text)) == instance


def test_schedule_json_has_the_fields_of_the_format_and_reads_back_as_pins() -> None:
    instance = instance_from_json(SPEC_EXAMPLE)
    schedule = schedule_meetings(instance, time_limit=1.0, workers=1)
    data = json.loads(json.dumps(schedule_to_json(schedule)))
    assert set(data) == {"assignments", "unscheduled", "stats"}
    assert set(data["stats"]) == {
        "meetings",
        "scheduled",
        "weight",
        "upper_bound",
        "idle_gaps",
        "seconds",
    }
    assert assignments_from_json(data) == schedule.assignments
