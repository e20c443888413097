"""The rules written once: a whole schedule, one more placement, the free places left."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from scheduling_factories import event

from clusterlogic.scheduling import (
    Assignment,
    Instance,
    Participant,
    Rule,
    RuleViolation,
    check_schedule,
    find_rule_violations,
    free_placements,
    placement_violations,
)
from clusterlogic.scheduling.synthetic import synthetic_instance


def _booth_event() -> Instance:
    return event(
        slots=3,
        tables=("T1", "T2", "BOOTH"),
        participants=(
            Participant("a", max_meetings=2),
            Participant("b", available=frozenset({"s0", "s1"})),
            "c",
            Participant("x", table="BOOTH"),
        ),
        meetings=(("a", "b"), ("a", "c"), ("b", "c"), ("x", "c"), ("a", "x")),
    )


def test_a_placement_reports_only_what_it_breaks_itself() -> None:
    instance = _booth_event()
    stored = [Assignment("m1", "s0", "T1"), Assignment("m4", "s0", "BOOTH")]
    assert placement_violations(instance, stored, Assignment("m2", "s1", "T1")) == []
    assert placement_violations(instance, stored, Assignment("m3", "s0", "T1")) == [
        RuleViolation(Rule.DOUBLE_BOOKED, participant="b", slot="s0", count=2),
        RuleViolation(Rule.DOUBLE_BOOKED, participant="c", slot="s0", count=2),
        RuleViolation(Rule.TABLE_TAKEN, table="T1", slot="s0", count=2),
    ]
    assert placement_violations(instance, stored, Assignment("m3", "s2", "BOOTH")) == [
        RuleViolation(Rule.ANOTHERS_BOOTH, meeting="m3", slot="s2", table="BOOTH"),
        RuleViolation(Rule.NOT_AVAILABLE, meeting="m3", slot="s2", table="BOOTH", participant="b"),
    ]
    assert placement_violations(instance, stored, Assignment("m5", "s1", "T2")) == [
        RuleViolation(Rule.OWN_BOOTH_REQUIRED, meeting="m5", slot="s1", table="T2")
    ]
    assert [
        v.rule for v in placement_violations(instance, stored, Assignment("zz", "s1", "T2"))
    ] == [Rule.UNKNOWN_MEETING]


def test_a_rule_the_rest_already_breaks_does_not_block_another_placement() -> None:
    instance = _booth_event()
    # m1 and m2 clash on a (a stale schedule); placing m3 elsewhere is still fine.
    stored = [Assignment("m1", "s0", "T1"), Assignment("m2", "s0", "T2")]
    assert check_schedule(instance, stored) != []
    assert placement_violations(instance, stored, Assignment("m3", "s1", "T1")) == []


def test_free_placements_leave_out_busy_people_full_caps_and_taken_tables() -> None:
    instance = _booth_event()
    stored = [Assignment("m1", "s0", "T1"), Assignment("m4", "s2", "BOOTH")]
    assert free_placements(instance, stored, "m3") == [("s1", ("T1", "T2"))]
    assert free_placements(instance, stored, "m5") == [("s1", ("BOOTH",))]
    capped = [*stored, Assignment("m2", "s1", "T1")]
    assert free_placements(instance, capped, "m5") == []


def test_the_english_sentences_are_those_of_the_command_line() -> None:
    instance = _booth_event()
    stored = [
        Assignment("m1", "s0", "T1"),
        Assignment("m3", "s0", "T1"),
        Assignment("m5", "s2", "T2"),
    ]
    assert find_rule_violations(instance, stored) == [
        str(v) for v in check_schedule(instance, stored)
    ]
    assert "meeting m5 may not take table T2" in find_rule_violations(instance, stored)


def _placing_rules_broken(instance: Instance, assignments: list[Assignment]) -> list[RuleViolation]:
    """Every violation but "a required meeting is missing", which a partial schedule has."""
    found = check_schedule(instance, assignments)
    return [v for v in found if v.rule != Rule.REQUIRED_MISSING]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), cut=st.integers(0, 40))
def test_a_placement_is_free_exactly_when_adding_it_breaks_nothing_new(seed: int, cut: int) -> None:
    instance = synthetic_instance(seed=seed, participants=12, meetings=30, days=1)
    # A valid partial schedule, built greedily from the free places themselves.
    stored: list[Assignment] = []
    for meeting in instance.meetings[:cut]:
        options = free_placements(instance, stored, meeting.id)
        if options:
            slot_id, tables = options[0]
            stored.append(Assignment(meeting.id, slot_id, tables[0]))
    assert _placing_rules_broken(instance, stored) == []
    for meeting in instance.meetings[cut:]:
        free = dict(free_placements(instance, stored, meeting.id))
        for slot in instance.slots:
            for table in instance.tables:
                candidate = Assignment(meeting.id, slot.id, table.id)
                fits = table.id in free.get(slot.id, ())
                assert fits == (placement_violations(instance, stored, candidate) == [])
                assert fits == (_placing_rules_broken(instance, [*stored, candidate]) == [])
