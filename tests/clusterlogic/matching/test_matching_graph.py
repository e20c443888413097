"""Graph signals on a tiny graph whose values one can work out by hand."""

from __future__ import annotations

import math

import pytest
from matching_demo import DEMO, DEMO_TIES

from clusterlogic.matching import Organisation, Query, Tie, build_index
from clusterlogic.matching.combiner import HAND_SET

# a - c - b, a - d - b, d - e: a and b share partners c (2 partners) and d (3 partners).
_ORGS = [Organisation(id=x, kind="company") for x in "abcde"]
_TIES = [Tie("a", "c"), Tie("c", "b"), Tie("a", "d"), Tie("d", "b"), Tie("d", "e")]


def test_adamic_adar_weights_each_common_partner_by_inverse_log_degree() -> None:
    index = build_index(_ORGS, _TIES)
    scores = index.graph.adamic_adar(index.position["a"]).dense(len(_ORGS))
    assert scores[index.position["b"]] == pytest.approx(1 / math.log(2) + 1 / math.log(3))
    assert scores[index.position["e"]] == pytest.approx(1 / math.log(3))


def test_adamic_adar_baseline_ranks_the_two_hop_neighbour_first() -> None:
    index = build_index(_ORGS, _TIES)
    ranked = index.rank(Query(id="q", org="a", exclude=frozenset("cd")), k=2, method="adamic-adar")
    assert [r.id for r in ranked] == ["b", "e"]


def test_combined_reason_names_the_partners_in_common() -> None:
    index = build_index(_ORGS, _TIES, combiner=HAND_SET)
    best = index.rank(Query(id="q", org="a", exclude=frozenset("cd")), k=1)[0]
    common = [p.values for p in best.reasons if p.code == "common_partners"]
    assert best.id == "b" and common and set(common[0]) == {"c", "d"}


def test_repeated_ties_add_up_and_self_ties_are_ignored() -> None:
    index = build_index(_ORGS, [*_TIES, Tie("a", "c"), Tie("a", "a")])
    assert index.graph.degree[index.position["a"]] == 2


def test_demo_reasons_show_kind_complement_and_same_city() -> None:
    index = build_index(DEMO, DEMO_TIES, combiner=HAND_SET)
    ranked = index.rank(Query(id="q", org="glas"), k=len(DEMO))
    reasons = {r.id: {p.code for p in r.reasons} for r in ranked}
    assert "same_city" in reasons["brenner"]
    assert "complementary_kinds" in reasons["elektrolyse"]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        build_index([Organisation(id="a"), Organisation(id="a")])


def test_combined_score_equals_weights_times_feature_matrix() -> None:
    index = build_index(DEMO, DEMO_TIES, combiner=HAND_SET)
    for query in (Query(id="q", org="glas"), Query(id="q", org="uni", text="Wasserstoff")):
        context = index.context(query)
        weights = HAND_SET.weights(has_ties=True, has_need=bool(query.text))
        expected = weights @ index.feature_matrix(context)
        assert index.scores(query) == pytest.approx(expected, rel=1e-5)


def test_suggestions_name_the_partner_in_common_that_the_others_do_not_share() -> None:
    # The asker and every candidate share three big hubs; x1 and x2 each share one small
    # partner with the asker that no other candidate shares: that one is named first.
    hubs = ["h1", "h2", "h3"]
    candidates = ["x1", "x2", "x3"]
    own = {"x1": "s1", "x2": "s2"}
    ids = ["asker", *hubs, *candidates, *own.values(), *(f"f{n}" for n in range(12))]
    orgs = [Organisation(id=i, kind="company") for i in ids]
    ties = [Tie("asker", h) for h in hubs] + [Tie(c, h) for c in candidates for h in hubs]
    ties += [Tie(h, f"f{n}") for h in hubs for n in range(12)]  # the hubs are big
    ties += [Tie("asker", s) for s in own.values()]
    ties += [Tie(c, s) for c, s in own.items()]
    index = build_index(orgs, ties, combiner=HAND_SET)
    exclude = frozenset([*hubs, *own.values()])
    ranked = index.rank(Query(id="q", org="asker", exclude=exclude), k=len(ids))
    named = {
        r.id: next(p.values for p in r.reasons if p.code == "common_partners")
        for r in ranked
        if r.id in candidates
    }
    assert named["x1"][0] == "s1"
    assert named["x2"][0] == "s2"
    assert named["x1"] != named["x2"]
