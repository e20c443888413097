"""Behaviour of schedule_meetings on small events whose best schedule is plain to see."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from scheduling_factories import DAY, SLOT, event, slots_in_one_session

from clusterlogic.scheduling import (
    Assignment,
    InfeasibleInstance,
    Instance,
    InvalidInstance,
    Meeting,
    Participant,
    Schedule,
    Slot,
    find_rule_violations,
    schedule_meetings,
)


def solve(instance: Instance, pinned: Sequence[Assignment] = ()) -> Schedule:
    return schedule_meetings(instance, time_limit=2.0, workers=1, pinned=pinned)


def test_exhibitor_meets_at_its_own_booth() -> None:
    instance = event(
        tables=("BOOTH", "S1"),
        participants=(Participant("a", table="BOOTH"), "b"),
    )
    schedule = solve(instance)
    assert [a.table for a in schedule.assignments] == ["BOOTH"]


def test_meeting_of_two_exhibitors_takes_either_booth_so_both_can_meet_at_once() -> None:
    instance = event(
        slots=1,
        tables=("A", "B"),
        participants=(Participant("a", table="A"), Participant("b", table="B"), "c", "d"),
        meetings=(("a", "c"), ("b", "d")),
    )
    both_exhibitors = event(
        slots=1,
        tables=("A", "B"),
        participants=(Participant("a", table="A"), Participant("b", table="B")),
        meetings=(("a", "b"),),
    )
    assert solve(instance).stats.scheduled == 2
    (assignment,) = solve(both_exhibitors).assignments
    assert assignment.table in {"A", "B"}


def test_shared_tables_cap_the_meetings_per_slot() -> None:
    instance = event(
        slots=2,
        tables=("S1",),
        participants=("a", "b", "c", "d", "e", "f"),
        meetings=(("a", "b"), ("c", "d"), ("e", "f")),
    )
    schedule = solve(instance)
    assert schedule.stats.scheduled == 2
    assert {a.slot for a in schedule.assignments} == {"s0", "s1"}
    (left_out,) = schedule.unscheduled
    assert "no free table" in left_out.reason


def test_booth_tables_are_not_lent_to_other_meetings() -> None:
    instance = event(
        slots=1,
        tables=("BOOTH",),
        participants=(Participant("a", table="BOOTH"), "b", "c"),
        meetings=(("b", "c"),),
    )
    schedule = solve(instance)
    assert schedule.assignments == ()
    assert "no shared table" in schedule.unscheduled[0].reason


def test_heavier_meeting_wins_a_clash() -> None:
    instance = event(
        slots=1,
        tables=("T1", "T2"),
        participants=("a", "b", "c"),
        meetings=(Meeting("light", ("a", "b"), weight=1), Meeting("heavy", ("a", "c"), weight=3)),
    )
    schedule = solve(instance)
    assert [a.meeting for a in schedule.assignments] == ["heavy"]
    assert schedule.stats.weight == 3
    assert schedule.stats.upper_bound == 3


def test_max_meetings_is_kept_and_named_as_the_reason() -> None:
    instance = event(
        slots=3,
        tables=("T1",),
        participants=(Participant("a", max_meetings=1), "b", "c"),
        meetings=(("a", "b"), ("a", "c")),
    )
    schedule = solve(instance)
    assert schedule.stats.scheduled == 1
    assert "a already has its 1 meetings" in schedule.unscheduled[0].reason


def test_unavailable_slots_are_avoided_and_no_shared_slot_is_the_reason() -> None:
    instance = event(
        slots=2,
        participants=(
            Participant("a", available=frozenset({"s0"})),
            Participant("b", available=frozenset({"s1"})),
            "c",
        ),
        meetings=(("a", "b"), ("b", "c")),
    )
    schedule = solve(instance)
    assert [(a.meeting, a.slot) for a in schedule.assignments] == [("m2", "s1")]
    assert schedule.unscheduled[0].reason == "a and b share no free slot"


def test_meetings_of_a_participant_are_packed_without_idle_gaps() -> None:
    instance = event(
        slots=5,
        tables=("T1", "T2"),
        participants=("hub", "x", "y", "z"),
        meetings=(("hub", "x"), ("hub", "y"), ("hub", "z")),
    )
    schedule = solve(instance)
    used = sorted(int(a.slot[1:]) for a in schedule.assignments)
    assert used == list(range(used[0], used[0] + 3))
    assert schedule.stats.idle_gaps == 0


def test_a_break_between_slots_is_no_idle_gap() -> None:
    morning = slots_in_one_session(1, prefix="am")
    afternoon = slots_in_one_session(1, start=DAY + 10 * SLOT, prefix="pm")
    instance = event(
        slots=[*morning, *afternoon],
        participants=("a", "b", "c"),
        meetings=(("a", "b"), ("a", "c")),
    )
    schedule = solve(instance)
    assert schedule.stats.scheduled == 2
    assert schedule.stats.idle_gaps == 0


def test_required_meetings_without_a_common_slot_are_reported_with_names() -> None:
    instance = event(
        slots=2,
        participants=(
            Participant("a", available=frozenset({"s0"})),
            Participant("b", available=frozenset({"s1"})),
        ),
        meetings=(Meeting("m1", ("a", "b"), required=True),),
    )
    with pytest.raises(InfeasibleInstance) as raised:
        solve(instance)
    assert raised.value.problems == ("required meeting m1: a and b share no free slot",)


def test_required_meetings_that_clash_only_together_are_named_together() -> None:
    # A triangle of required meetings needs three slots; with two, each pair alone still fits.
    instance = event(
        slots=2,
        tables=("T1", "T2", "T3"),
        participants=("a", "b", "c"),
        meetings=(
            Meeting("ab", ("a", "b"), required=True),
            Meeting("bc", ("b", "c"), required=True),
            Meeting("ca", ("c", "a"), required=True),
        ),
    )
    with pytest.raises(InfeasibleInstance) as raised:
        solve(instance)
    (problem,) = raised.value.problems
    assert all(name in problem for name in ("ab", "bc", "ca"))


def test_required_meeting_is_placed_even_when_lighter() -> None:
    instance = event(
        slots=1,
        tables=("T1", "T2"),
        participants=("a", "b", "c"),
        meetings=(
            Meeting("must", ("a", "b"), weight=1, required=True),
            Meeting("heavy", ("a", "c"), weight=5),
        ),
    )
    schedule = solve(instance)
    assert [a.meeting for a in schedule.assignments] == ["must"]


def test_invalid_instance_names_every_problem() -> None:
    instance = event(participants=("a",), meetings=(("a", "ghost"), ("a",)))
    with pytest.raises(InvalidInstance) as raised:
        solve(instance)
    assert raised.value.problems == (
        "meeting m1 has unknown participants ghost",
        "meeting m2 needs at least two participants",
    )


def test_pinned_assignments_stay_where_they_were() -> None:
    instance = event(slots=4, tables=("T1", "T2"))
    pinned = (Assignment("m1", "s2", "T2"),)
    schedule = solve(instance, pinned=pinned)
    assert schedule.assignments == pinned
    assert schedule.released_pins == ()


def test_pinned_assignment_is_released_when_a_participant_withdraws_the_slot() -> None:
    instance = event(
        slots=3,
        participants=(Participant("a", available=frozenset({"s0", "s1"})), "b"),
    )
    schedule = solve(instance, pinned=(Assignment("m1", "s2", "T1"),))
    assert [(p.meeting, p.reason) for p in schedule.released_pins] == [
        ("m1", "a not available in s2")
    ]
    assert schedule.assignments[0].slot in {"s0", "s1"}


def test_pins_keep_their_table_and_others_take_the_remaining_shared_tables() -> None:
    instance = event(
        slots=1,
        tables=("S1", "S2"),
        participants=("a", "b", "c", "d"),
        meetings=(("a", "b"), ("c", "d")),
    )
    schedule = solve(instance, pinned=(Assignment("m2", "s0", "S1"),))
    assert {(a.meeting, a.table) for a in schedule.assignments} == {("m1", "S2"), ("m2", "S1")}


def test_schedule_keeps_every_hard_rule_on_a_generated_event() -> None:
    from clusterlogic.scheduling.synthetic import synthetic_instance

    instance = synthetic_instance(seed=3, participants=40, meetings=120, days=1)
    schedule = solve(instance)
    assert find_rule_violations(instance, schedule.assignments) == []
    assert schedule.stats.weight <= schedule.stats.upper_bound
    placed = [a.meeting for a in schedule.assignments] + [u.meeting for u in schedule.unscheduled]
    assert sorted(placed) == sorted(m.id for m in instance.meetings)


def test_slot_times_must_agree_on_carrying_an_offset() -> None:
    naive = Slot("n", DAY.replace(tzinfo=None) + SLOT, DAY.replace(tzinfo=None) + 2 * SLOT)
    instance = event(slots=[*slots_in_one_session(1), naive])
    with pytest.raises(InvalidInstance, match="UTC offset"):
        solve(instance)
