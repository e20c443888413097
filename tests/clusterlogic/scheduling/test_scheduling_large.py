"""The large-event method (session LP, realisation, local search) and the generator behind the
benchmark, on generated events small enough for unit tests."""

from __future__ import annotations

import math
import time

from clusterlogic.scheduling import Instance, find_rule_violations, schedule_meetings
from clusterlogic.scheduling.compaction import compact
from clusterlogic.scheduling.event import build_event
from clusterlogic.scheduling.greedy import greedy_placements
from clusterlogic.scheduling.relaxation import session_plan
from clusterlogic.scheduling.solver import _idle_gaps
from clusterlogic.scheduling.synthetic import synthetic_instance


def _event(seed: int = 11, meetings: int = 1200) -> Instance:
    return synthetic_instance(
        seed=seed,
        participants=300,
        meetings=meetings,
        days=2,
        sessions_per_day=2,
        slots_per_session=4,
        shared_tables=15,
        virtual_tables=5,
    )


def test_generator_makes_absences_caps_booths_virtual_tables_and_skewed_popularity() -> None:
    instance = _event()
    assert len(instance.slots) == 16
    assert any(t.id.startswith("V") for t in instance.tables)
    assert any(p.table is not None for p in instance.participants)
    assert any(p.max_meetings is not None for p in instance.participants)
    assert any(p.available is not None for p in instance.participants)
    requests: dict[str, int] = {}
    for meeting in instance.meetings:
        for person in meeting.participants:
            requests[person] = requests.get(person, 0) + 1
    counts = sorted(requests.values(), reverse=True)
    # Skewed: the busiest tenth of participants is in far more requests than the median one.
    assert counts[len(counts) // 10] > 2 * counts[len(counts) // 2]
    assert instance == _event()  # seeded: the same event every time


def test_large_method_certifies_its_weight_and_leaves_fewer_gaps_than_the_greedy() -> None:
    instance = _event()
    schedule = schedule_meetings(instance, time_limit=3.0, workers=1, method="large")
    assert find_rule_violations(instance, schedule.assignments) == []
    event = build_event(instance)
    greedy = greedy_placements(event)
    greedy_weight = math.fsum(instance.meetings[p.meeting].weight for p in greedy)
    assert schedule.stats.weight >= greedy_weight
    assert greedy_weight <= schedule.stats.upper_bound
    assert schedule.stats.weight >= 0.98 * schedule.stats.upper_bound
    assert schedule.stats.idle_gaps < _idle_gaps(event, greedy)
    assert len(schedule.assignments) + len(schedule.unscheduled) == len(instance.meetings)


def test_session_lp_bound_is_at_least_what_the_exact_method_schedules() -> None:
    instance = _event(seed=4, meetings=400)
    exact = schedule_meetings(instance, time_limit=10.0, workers=1, method="exact", compact=False)
    plan = session_plan(build_event(instance), {}, deadline=math.inf)
    assert plan.upper_bound >= exact.stats.weight - 1e-9
    # The plan places each meeting in at most one session where its participants can meet.
    event = build_event(instance)
    for meeting, session in plan.session_of.items():
        assert any(event.session_of_slot[s] == session for s in event.candidate_slots[meeting])


def test_compaction_past_its_deadline_returns_the_schedule_unchanged() -> None:
    event = build_event(_event(meetings=300))
    start = greedy_placements(event)
    result = compact(event, start, deadline=time.monotonic() - 1.0)
    assert sorted(result, key=lambda p: p.meeting) == sorted(start, key=lambda p: p.meeting)


def test_large_method_stops_within_its_time_limit() -> None:
    instance = _event(meetings=2000)
    started = time.monotonic()
    schedule = schedule_meetings(instance, time_limit=1.5, workers=1, method="large")
    # Slack for what cannot stop mid-way (indexing the event, one greedy pass).
    assert time.monotonic() - started < 1.5 + 1.0
    assert find_rule_violations(instance, schedule.assignments) == []
