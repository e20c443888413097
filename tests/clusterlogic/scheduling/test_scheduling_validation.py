"""The independent checks: a well-formed instance, a schedule that keeps the hard rules."""

from __future__ import annotations

from datetime import timedelta

from scheduling_factories import DAY, SLOT, event

from clusterlogic.scheduling import (
    Assignment,
    Meeting,
    Participant,
    Slot,
    find_instance_problems,
    find_rule_violations,
)
from clusterlogic.scheduling.event import session_numbers


def test_valid_instance_has_no_problems() -> None:
    assert find_instance_problems(event()) == []


def test_references_duplicates_and_time_order_are_checked() -> None:
    late, early = Slot("late", DAY + SLOT, DAY + 2 * SLOT), Slot("early", DAY, DAY + SLOT)
    instance = event(
        slots=[late, early],
        participants=(
            Participant("a", available=frozenset({"nope"}), table="T9"),
            "a",
        ),
        meetings=(Meeting("m", ("a", "a"), weight=-1),),
    )
    assert find_instance_problems(instance) == [
        "participant id 'a' occurs 2 times",
        "slot early starts before slot late ends (time order)",
        "participant a is available in unknown slots nope",
        "participant a has unknown table T9",
        "meeting m names a participant twice",
        "meeting m has weight -1, not from 0 to 1e+06",
    ]


def test_each_hard_rule_is_checked() -> None:
    instance = event(
        slots=2,
        tables=("T1", "BOOTH"),
        participants=(
            Participant("a", max_meetings=1, available=frozenset({"s0"})),
            "b",
            "c",
            Participant("x", table="BOOTH"),
        ),
        meetings=(
            ("a", "b"),
            ("a", "c"),
            ("b", "c"),
            ("x", "b"),
            Meeting("req", ("x", "c"), required=True),
        ),
    )
    violations = find_rule_violations(
        instance,
        [
            Assignment("m1", "s0", "T1"),
            Assignment("m2", "s1", "T1"),
            Assignment("m3", "s0", "T1"),
            Assignment("m4", "s1", "T1"),
        ],
    )
    assert violations == [
        "a is not available in slot s1 (meeting m2)",
        "meeting m4 may not take table T1",
        "b has 2 meetings in slot s0",
        "table T1 holds 2 meetings in slot s0",
        "table T1 holds 2 meetings in slot s1",
        "a has 2 meetings, more than max_meetings 1",
        "required meeting req is not scheduled",
    ]


def test_sessions_break_at_pauses_and_at_midnight() -> None:
    midnight = DAY.replace(hour=0) + timedelta(days=1)
    slots = [
        Slot("a", DAY, DAY + SLOT),
        Slot("b", DAY + SLOT, DAY + 2 * SLOT),
        Slot("c", DAY + 3 * SLOT, DAY + 4 * SLOT),
        Slot("d", midnight - SLOT, midnight),
        Slot("e", midnight, midnight + SLOT),
    ]
    assert session_numbers(slots) == (0, 0, 1, 2, 3)
