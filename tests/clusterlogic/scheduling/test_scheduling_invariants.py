"""Invariants of the scheduler on random small events, against a brute-force oracle.

The oracle restates the rules of shared/formats/meetings.md on its own, so that it shares no
code (and no mistake) with the solver.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scheduling_oracle import best_weight, instances

from clusterlogic.scheduling import (
    InfeasibleInstance,
    Instance,
    find_rule_violations,
    schedule_meetings,
)
from clusterlogic.scheduling.compaction import compact
from clusterlogic.scheduling.event import build_event
from clusterlogic.scheduling.greedy import greedy_placements
from clusterlogic.scheduling.relaxation import session_plan
from clusterlogic.scheduling.solver import Method, _idle_gaps

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@SETTINGS
@given(instances())
def test_large_method_keeps_the_rules_and_its_bound_holds_the_optimum(
    instance: Instance,
) -> None:
    optimum = best_weight(instance)
    try:
        schedule = schedule_meetings(instance, time_limit=2.0, workers=1, method="large")
    except InfeasibleInstance as error:
        assert optimum is None, f"reported infeasible, but a schedule exists: {error}"
        assert error.problems and all(error.problems)
        return
    assert optimum is not None
    assert find_rule_violations(instance, schedule.assignments) == []
    assert schedule.stats.weight <= optimum + 1e-9
    assert schedule.stats.upper_bound >= optimum - 1e-9
    plan = session_plan(build_event(instance), {}, deadline=math.inf)
    assert plan.upper_bound >= optimum - 1e-9
    accounted = [a.meeting for a in schedule.assignments] + [
        u.meeting for u in schedule.unscheduled
    ]
    assert sorted(accounted) == sorted(m.id for m in instance.meetings)
    assert all(u.reason for u in schedule.unscheduled)


@SETTINGS
@given(instances())
def test_schedule_is_valid_optimal_in_weight_and_accounts_for_every_meeting(
    instance: Instance,
) -> None:
    optimum = best_weight(instance)
    try:
        schedule = schedule_meetings(instance, time_limit=2.0, workers=1)
    except InfeasibleInstance as error:
        assert optimum is None, f"reported infeasible, but a schedule exists: {error}"
        assert error.problems and all(error.problems)
        return
    assert optimum is not None
    assert find_rule_violations(instance, schedule.assignments) == []
    assert abs(schedule.stats.weight - optimum) < 1e-9
    assert schedule.stats.upper_bound >= optimum - 1e-9
    accounted = [a.meeting for a in schedule.assignments] + [
        u.meeting for u in schedule.unscheduled
    ]
    assert sorted(accounted) == sorted(m.id for m in instance.meetings)
    assert all(u.reason for u in schedule.unscheduled)


@SETTINGS
@given(instances())
def test_compaction_keeps_the_meetings_and_never_adds_idle_gaps(instance: Instance) -> None:
    event = build_event(instance)
    start = greedy_placements(event)
    compacted = compact(event, start)
    assert sorted(p.meeting for p in compacted) == sorted(p.meeting for p in start)
    assert _idle_gaps(event, compacted) <= _idle_gaps(event, start)


@pytest.mark.parametrize("method", ["exact", "large"])
@SETTINGS
@given(instances(), st.data())
def test_rescheduling_keeps_every_pin_that_is_still_valid(
    method: Method, instance: Instance, data: st.DataObject
) -> None:
    try:
        earlier = schedule_meetings(
            instance, time_limit=2.0, workers=1, compact=False, method=method
        )
    except InfeasibleInstance:
        return
    # Someone withdraws from a slot after the schedule was announced.
    person = data.draw(st.sampled_from(instance.participants))
    gone = data.draw(st.sampled_from(instance.slots)).id
    still_free = frozenset(s.id for s in instance.slots if s.id != gone) & (
        person.available or frozenset(s.id for s in instance.slots)
    )
    changed = replace(
        instance,
        participants=tuple(
            replace(p, available=still_free) if p.id == person.id else p
            for p in instance.participants
        ),
    )
    pins = list(earlier.assignments)
    try:
        later = schedule_meetings(changed, time_limit=2.0, workers=1, pinned=pins, method=method)
    except InfeasibleInstance:
        return
    assert pins == list(earlier.assignments)  # the input is left as it was
    released = {p.meeting for p in later.released_pins}
    assert all(pin in later.assignments for pin in pins if pin.meeting not in released)
    assert all(
        pin.slot == gone and person.id in meeting.participants
        for pin in pins
        if pin.meeting in released
        for meeting in changed.meetings
        if meeting.id == pin.meeting
    )
    assert find_rule_violations(changed, later.assignments) == []
