"""How the pair features add up to one score: a logistic model learned from the ties' own past.

``bench/matching/train_weights.py`` holds out the last year of the past: it builds the index
from the earlier ties, asks for each organisation that gained new partners in the held-out year
which organisations it would meet, and searches the weights that put the real new partners
highest (coordinate ascent on recall@50). Askers without earlier ties ("cold
start") get their own weights, since for them only the profile speaks. The result ships as
``weights.json`` beside this module; without it, hand-set weights are used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from clusterlogic.matching.features import FEATURE_POSITION, FEATURES

_HAND_SET = {
    "popularity": 1.0,
    "recent_popularity": 0.5,
    "newcomer_partners": 0.0,
    "newcomers_into_country": 0.0,
    "ties_into_country": 0.5,
    "ties_into_kind": 0.3,
    "kind_affinity": 0.5,
    "country_affinity": 0.5,
    "same_country": 0.5,
    "same_city": 0.5,
    "themes": 2.0,
    "theme_overlap": 0.0,
    "ties_into_themes": 0.0,
    "ties_into_country_kind": 0.0,
    "common_partners": 0.5,
    "adamic_adar": 1.0,
    "pagerank": 1.0,
    "text": 3.0,
    "embedding": 3.0,
    "theme_affinity": 0.0,
    "newcomers_into_kind": 0.0,
    "newcomers_into_country_kind": 0.0,
}
# A stated need is what the person asked for: its text match weighs at least this much,
# whatever the ties taught (historic ties carry no needs to learn the weight from).
NEED_WEIGHT_FLOOR = {"text": 4.0, "embedding": 4.0}
_MIN_QUERIES = 30
_DEPTH = 50
_POOL_PER_FEATURE = 150
_ROUNDS = 3
_GRID = (-2.0, -1.0, -0.5, -0.2, 0.0, 0.1, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)


@dataclass(frozen=True)
class Combiner:
    """Weights per feature (in ``FEATURES`` order) for askers with and without past ties."""

    warm: tuple[float, ...]
    cold: tuple[float, ...]
    learned: bool = False

    def weights(self, *, has_ties: bool, has_need: bool) -> NDArray[np.float32]:
        chosen = np.array(self.warm if has_ties else self.cold, dtype=np.float32)
        if has_need:
            for name, floor in NEED_WEIGHT_FLOOR.items():
                position = FEATURE_POSITION[name]
                chosen[position] = max(float(chosen[position]), floor)
        return chosen


HAND_SET = Combiner(
    warm=tuple(_HAND_SET[name] for name in FEATURES),
    cold=tuple(_HAND_SET[name] for name in FEATURES),
)


@dataclass(frozen=True)
class TrainingQuery:
    """One asker of the held-out period: its position, new partners, and partners already known."""

    position: int
    new_partners: frozenset[int]
    known_partners: frozenset[int]


@dataclass(frozen=True)
class _Pool:
    """The columns of one asker's likely candidates: the top of each feature, and the truth."""

    columns: NDArray[np.float32]
    is_new_partner: NDArray[np.bool_]
    new_partners: int


def _pool(features: NDArray[np.float32], query: TrainingQuery) -> _Pool:
    blocked = np.zeros(features.shape[1], dtype=bool)
    blocked[list(query.known_partners | query.new_partners)] = True
    blocked[query.position] = True
    open_ = np.flatnonzero(~blocked)
    depth = min(_POOL_PER_FEATURE, open_.size - 1)
    chosen = [np.fromiter(query.new_partners, dtype=np.int64)]
    for row in features:
        if depth > 0 and row[open_].max(initial=0.0) > 0:
            chosen.append(open_[np.argpartition(-row[open_], depth)[:depth]])
    members = np.unique(np.concatenate(chosen))
    truth = np.isin(members, np.fromiter(query.new_partners, dtype=np.int64))
    return _Pool(np.ascontiguousarray(features[:, members]), truth, len(query.new_partners))


def _recall(weights: NDArray[np.float32], pools: Sequence[_Pool]) -> float:
    total = 0.0
    for pool in pools:
        scores = weights @ pool.columns
        if scores.size > _DEPTH:
            top = np.argpartition(-scores, _DEPTH - 1)[:_DEPTH]
            total += float(pool.is_new_partner[top].sum()) / pool.new_partners
        else:
            total += float(pool.is_new_partner.sum()) / pool.new_partners
    return total / max(len(pools), 1)


def _coordinate_ascent(pools: Sequence[_Pool], start: NDArray[np.float32]) -> tuple[float, ...]:
    """Greedy search, one weight at a time, for the best mean recall@50 (popularity fixed at 1)."""
    weights = start.copy()
    best = _recall(weights, pools)
    for _ in range(_ROUNDS):
        improved = False
        for feature in range(1, len(weights)):
            for value in _GRID:
                trial = weights.copy()
                trial[feature] = value
                if trial[feature] == weights[feature]:
                    continue
                score = _recall(trial, pools)
                if score > best + 1e-6:
                    best, weights, improved = score, trial, True
        if not improved:
            break
    return tuple(float(w) for w in weights)


def fit_combiner(
    feature_matrix_for: Callable[[int], NDArray[np.float32]],
    queries: Sequence[TrainingQuery],
) -> Combiner:
    """Learn warm and cold weights that maximise recall@50 of the held-out askers' new partners.

    Coordinate ascent on the ranking measure itself (as in RankLib's coordinate ascent):
    a linear score, one weight changed at a time over a grid, kept when recall improves. Each
    asker's candidates are cut to the top of every feature plus its real new partners, which
    keeps a search step to milliseconds. Too few askers of a group keep the hand-set weights.
    """
    groups: dict[bool, list[_Pool]] = {True: [], False: []}
    for query in queries:
        if query.new_partners:
            groups[bool(query.known_partners)].append(
                _pool(feature_matrix_for(query.position), query)
            )
    start = np.zeros(len(FEATURES), dtype=np.float32)
    start[FEATURE_POSITION["popularity"]] = 1.0
    fitted = {
        warm: _with_prior_where_unseen(_coordinate_ascent(pools, start), pools)
        if len(pools) >= _MIN_QUERIES
        else HAND_SET.warm
        for warm, pools in groups.items()
    }
    return Combiner(warm=fitted[True], cold=fitted[False], learned=True)


def _with_prior_where_unseen(
    weights: tuple[float, ...], pools: Sequence[_Pool]
) -> tuple[float, ...]:
    """A feature that was zero throughout training (no cities, no embeddings in the data) taught
    nothing: it keeps its hand-set weight instead of the zero the search left it at."""
    seen = np.zeros(len(FEATURES), dtype=bool)
    for pool in pools:
        seen |= np.any(pool.columns != 0, axis=1)
    return tuple(weight if seen[i] else HAND_SET.warm[i] for i, weight in enumerate(weights))


def combiner_to_json(combiner: Combiner) -> dict[str, object]:
    return {
        "features": list(FEATURES),
        "warm": dict(zip(FEATURES, combiner.warm, strict=True)),
        "cold": dict(zip(FEATURES, combiner.cold, strict=True)),
    }


def combiner_from_json(data: dict[str, object]) -> Combiner:
    """Weights by feature name; a feature the file does not name keeps its hand-set weight."""

    def weights(key: str) -> tuple[float, ...]:
        given = data.get(key)
        named = given if isinstance(given, dict) else {}
        return tuple(float(named.get(name, _HAND_SET[name])) for name in FEATURES)

    return Combiner(warm=weights("warm"), cold=weights("cold"), learned=True)


def shipped_combiner() -> Combiner:
    """The weights learned on the past split of the CORDIS data (``weights.json``), if shipped."""
    import json
    from importlib import resources

    source = resources.files("clusterlogic.matching").joinpath("weights.json")
    if not source.is_file():
        return HAND_SET
    return combiner_from_json(json.loads(source.read_text(encoding="utf-8")))
