"""The plain-Python insight algorithms: comparisons, overlaps, theme cells, the network and
topic proposals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.insight import network as graph
from clusterlogic.insight.figures import (
    ABROAD,
    COUNTRY,
    HOME,
    REGION,
    Change,
    Period,
    origin,
    repeat_count,
)
from clusterlogic.insight.heatmap import theme_cluster_cells
from clusterlogic.insight.overlap import intersections
from clusterlogic.insight.topics import NOTES, REGISTRATIONS, ThemeSignals, propose


def test_the_period_before_has_the_same_length_and_ends_the_day_before() -> None:
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    before = year.before()
    assert before == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert before.days == year.days == 365


def test_change_in_percent_needs_a_value_before() -> None:
    assert Change(current=15, previous=10).percent == 50
    assert Change(current=3, previous=0).percent is None


def test_repeat_participants_count_people_seen_twice_or_more() -> None:
    assert repeat_count([1, 2, 2, "a@x.de", "a@x.de", "a@x.de", 3]) == 2


def test_origin_tells_city_region_country_and_abroad() -> None:
    home: dict[str, Any] = {
        "home_city": "Mannheim",
        "home_country": "DE",
        "region_postcodes": ("68", "69"),
    }
    assert origin("mannheim ", "68159", "DE", **home) == HOME
    assert origin("Heidelberg", "69117", "DE", **home) == REGION
    assert origin("Berlin", "10115", "DE", **home) == COUNTRY
    assert origin("Strasbourg", "67000", "FR", **home) == ABROAD


memberships = st.dictionaries(
    st.integers(1, 60), st.frozensets(st.integers(1, 5), min_size=1, max_size=5), max_size=60
)


@given(memberships)
def test_every_organisation_in_several_clusters_is_in_exactly_one_bar(
    clusters_of: dict[int, frozenset[int]],
) -> None:
    found = intersections(clusters_of)
    listed = [org for item in found for org in item.organisations]
    assert sorted(listed) == sorted(org for org, ids in clusters_of.items() if len(ids) > 1)
    for item in found:
        assert all(clusters_of[org] == item.clusters for org in item.organisations)
    assert [item.size for item in found] == sorted((item.size for item in found), reverse=True)


def test_theme_cells_count_members_and_their_share_of_the_cluster() -> None:
    cells = theme_cluster_cells(
        [(1, 10), (2, 10), (3, 10), (1, 20), (1, 10)],
        {1: frozenset({7}), 2: frozenset({7, 8})},
    )
    by_key = {(c.theme, c.cluster): c for c in cells}
    assert by_key[(7, 10)].members == 2 and by_key[(7, 10)].share == 2 / 3
    assert by_key[(7, 20)].share == 1.0
    assert (8, 20) not in by_key


def test_two_cliques_joined_by_one_organisation_make_two_communities_and_one_bridge() -> None:
    left, right = [1, 2, 3, 4], [6, 7, 8, 9]
    links = graph.pairs_of_groups([left, right], graph.CO_ATTENDANCE, largest=10)
    links += [graph.Link(4, 5, graph.INTRODUCTION), graph.Link(5, 6, graph.INTRODUCTION)]
    network = graph.build_network(links)
    assert network.communities == 2 or network.communities == 3
    assert network.bridges(1)[0].organisation == 5
    assert network == graph.build_network(links)  # the same seed, the same answer


def test_large_groups_join_nobody() -> None:
    assert graph.pairs_of_groups([range(50)], graph.CO_ATTENDANCE, largest=40) == []


def test_topics_need_two_clusters_and_rise_with_interest() -> None:
    signals = [
        ThemeSignals(theme=1, members_per_cluster={10: 5, 20: 3}, now={REGISTRATIONS: 40},
                     before={REGISTRATIONS: 10}),
        ThemeSignals(theme=2, members_per_cluster={10: 5, 20: 3}, now={NOTES: 2},
                     before={NOTES: 8}),
        ThemeSignals(theme=3, members_per_cluster={10: 50}),
    ]  # fmt: skip
    proposals = propose(signals, cluster_count=4)
    assert [p.theme for p in proposals] == [1, 2]
    assert proposals[0].reasons[0].kind == "spread" and proposals[0].reasons[0].value == 2
    assert proposals[0].reasons[1].kind == REGISTRATIONS and proposals[0].reasons[1].value == 40
