"""Propensities learned from past ties, and the ranker stage, on tiny hand-made graphs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from clusterlogic.matching import Organisation, Query, Tie, build_index
from clusterlogic.matching.combiner import HAND_SET
from clusterlogic.matching.features import FEATURE_POSITION
from clusterlogic.matching.ranker import (
    INPUTS,
    Ranker,
    candidate_pool,
    ranker_from_json,
    shipped_ranker,
)

# Energy organisations work with materials ones (four ties), never among themselves; "bio" has
# one tie to energy, too few to learn from. "new" (energy) has no ties at all: a cold asker.
_THEMED = [
    Organisation(id="e1", kind="company", country="DE", themes=("energy",)),
    Organisation(id="e2", kind="company", country="DE", themes=("energy",)),
    Organisation(id="m1", kind="research", country="AT", themes=("materials",)),
    Organisation(id="m2", kind="research", country="AT", themes=("materials",)),
    Organisation(id="m3", kind="research", country="FR", themes=("materials",)),
    Organisation(id="b1", kind="university", country="FR", themes=("bio",)),
    Organisation(id="new", kind="company", country="DE", themes=("energy",)),
]
_THEMED_TIES = [
    Tie("e1", "m1"),
    Tie("e1", "m2"),
    Tie("e2", "m1"),
    Tie("e2", "m2"),
    Tie("b1", "e1"),
]


def _column(index_feature: NDArray[np.float32], org_ids: list[str], wanted: str) -> float:
    return float(index_feature[FEATURE_POSITION["theme_affinity"], org_ids.index(wanted)])


def test_theme_lift_links_themes_whose_organisations_work_together() -> None:
    index = build_index(_THEMED, _THEMED_TIES, combiner=HAND_SET)
    lift = index.affinities.theme_lift.toarray()
    at = index.profiles.theme_position
    assert lift[at["energy"], at["materials"]] > 0
    assert lift[at["energy"], at["energy"]] == 0  # never tied among themselves
    assert lift[at["energy"], at["bio"]] == 0  # a single tie is too little evidence


def test_cold_asker_reaches_complementary_themes_not_only_its_own() -> None:
    index = build_index(_THEMED, _THEMED_TIES, combiner=HAND_SET)
    matrix = index.feature_matrix(index.context(Query(id="q", org="new")))
    ids = [o.id for o in _THEMED]
    assert _column(matrix, ids, "m3") > 0  # materials, never met energy itself: still reached
    assert _column(matrix, ids, "b1") == 0
    assert _column(matrix, ids, "e1") == 0


def test_newcomer_intake_counts_partners_met_in_their_first_year_by_country_and_kind() -> None:
    orgs = [
        Organisation(id="host", kind="research", country="AT"),
        Organisation(id="late", kind="research", country="AT"),
        Organisation(id="old", kind="company", country="DE"),
        Organisation(id="rookie", kind="company", country="DE"),
        Organisation(id="first", kind="public", country="FR"),
        Organisation(id="asker", kind="company", country="DE"),
    ]
    ties = [
        Tie("old", "first", year=2014),
        Tie("old", "late", year=2016),  # "old" was no newcomer any more in 2016
        Tie("rookie", "host", year=2016),  # "rookie" was
    ]
    index = build_index(orgs, ties, combiner=HAND_SET)
    matrix = index.feature_matrix(index.context(Query(id="q", org="asker")))
    ids = [o.id for o in orgs]
    pair = matrix[FEATURE_POSITION["newcomers_into_country_kind"]]
    kind = matrix[FEATURE_POSITION["newcomers_into_kind"]]
    assert pair[ids.index("host")] > 0 and kind[ids.index("host")] > 0
    assert pair[ids.index("late")] == 0 and kind[ids.index("late")] == 0
    assert matrix[FEATURE_POSITION["ties_into_country_kind"], ids.index("late")] > 0


@dataclass(frozen=True)
class _ReversePopularity:
    """A stand-in booster: prefers the least popular candidate, so its hand is visible."""

    def predict(self, inputs: NDArray[np.float32], **_: object) -> NDArray[np.float64]:
        return -inputs[:, INPUTS.index("popularity")].astype(np.float64)


def test_ranker_orders_the_pool_and_never_suggests_the_asker_or_excluded_ids() -> None:
    index = build_index(_THEMED, _THEMED_TIES, ranker=Ranker(_ReversePopularity(), ()))
    ranked = index.rank(Query(id="q", org="e1", exclude=frozenset({"m1"})), k=10)
    ids = [r.id for r in ranked]
    assert "e1" not in ids and "m1" not in ids
    degree = {o.id: index.graph.degree[index.position[o.id]] for o in _THEMED}
    assert [degree[i] for i in ids] == sorted(degree[i] for i in ids)
    assert all(0 < r.score < 1 for r in ranked)


def test_a_stated_need_is_ranked_by_the_linear_score_not_the_ranker() -> None:
    plain = build_index(_THEMED, _THEMED_TIES)
    reranked = build_index(_THEMED, _THEMED_TIES, ranker=Ranker(_ReversePopularity(), ()))
    query = Query(id="q", org="e1", text="materials")
    assert [r.id for r in reranked.rank(query, k=5)] == [r.id for r in plain.rank(query, k=5)]


def test_candidate_pool_holds_only_allowed_organisations() -> None:
    index = build_index(_THEMED, _THEMED_TIES)
    query = Query(id="q", org="e2", exclude=frozenset({"m2"}))
    context = index.context(query)
    features = index.features(context)
    allowed = index.allowed(query)
    pool = candidate_pool(features, index.scores(query), allowed)
    assert pool.size > 0 and bool(allowed[pool].all())


def test_ranker_trained_on_other_inputs_is_refused() -> None:
    assert ranker_from_json({"inputs": ["popularity"], "lightgbm_model": ""}) is None


def test_shipped_ranker_loads_and_scores_every_row() -> None:
    ranker = shipped_ranker()
    assert ranker is not None
    scores = ranker.raw_scores(np.zeros((3, len(INPUTS)), dtype=np.float32))
    assert scores.shape == (3,) and bool(np.isfinite(scores).all())
