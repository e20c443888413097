"""Placing left-out meetings by moving others aside (improve.py): more weight, every rule kept,
required and pinned meetings never dropped."""

from __future__ import annotations

import math
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlogic.scheduling import Instance
from clusterlogic.scheduling.event import build_event
from clusterlogic.scheduling.greedy import greedy_placements
from clusterlogic.scheduling.improve import insert_left_out
from clusterlogic.scheduling.occupancy import Occupancy, Placement
from clusterlogic.scheduling.synthetic import synthetic_instance


def _instance(seed: int) -> Instance:
    return synthetic_instance(
        seed=seed,
        participants=60,
        meetings=400,
        days=1,
        sessions_per_day=2,
        slots_per_session=3,
        shared_tables=6,
        virtual_tables=1,
        required_share=0.1,
    )


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_insertion_keeps_every_rule_and_required_meeting_and_loses_weight_only_for_them(
    seed: int,
) -> None:
    instance = _instance(seed)
    event = build_event(instance)
    start = greedy_placements(event)
    improved = insert_left_out(event, start)
    occupancy = Occupancy(event)
    for placement in improved:
        assert occupancy.conflict(placement) is None
        occupancy.add(placement)
    placed = {p.meeting for p in improved}
    assert {p.meeting for p in start if instance.meetings[p.meeting].required} <= placed

    def weight(placements: Sequence[Placement]) -> float:
        return math.fsum(instance.meetings[p.meeting].weight for p in placements)

    def required(placements: Sequence[Placement]) -> int:
        return sum(1 for p in placements if instance.meetings[p.meeting].required)

    # Weight is only ever given up to place a required meeting that was left out.
    assert weight(improved) >= weight(start) or required(improved) > required(start)


def test_insertion_places_a_meeting_blocked_only_by_a_clash_of_slots() -> None:
    instance = _instance(3)
    event = build_event(instance)
    start = greedy_placements(event)
    improved = insert_left_out(event, start)
    gained = math.fsum(instance.meetings[p.meeting].weight for p in improved) - math.fsum(
        instance.meetings[p.meeting].weight for p in start
    )
    assert gained > 0


def test_fixed_meetings_stay_where_they_are() -> None:
    instance = _instance(5)
    event = build_event(instance)
    start = greedy_placements(event)
    fixed = {p.meeting for p in start[::3]}
    improved = {p.meeting: p for p in insert_left_out(event, start, fixed=fixed)}
    assert all(improved[p.meeting] == p for p in start if p.meeting in fixed)
