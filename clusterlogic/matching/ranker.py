"""Second stage of the combined engine: a gradient-boosted ranker over the pair features.

The linear score (``combiner``) and a few single signals each nominate their best candidates
(``candidate_pool``); a LightGBM model learned on the past (``bench/matching/train_ranker.py``)
then scores only that pool, from the same pair features plus two facts about the asker (how
many ties it has, how many themes), so that cold and warm askers get different trade-offs.
The model ships as ``ranker.json`` beside this module (LightGBM's text model inside JSON);
``lightgbm`` is imported only when the file is there, and without either the engine falls
back to the linear score. Features the training data never set (cities, embeddings) cannot
be in the trees; they are added with the linear weights, as the linear combiner does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from clusterlogic.matching.features import FEATURE_POSITION, FEATURES, QueryFeatures

ASKER_INPUTS: tuple[str, ...] = ("asker_degree", "asker_themes")
INPUTS: tuple[str, ...] = (*FEATURES, *ASKER_INPUTS)
LINEAR_DEPTH = 300
# How many of each signal's best candidates join the pool (the linear score's join first).
POOL_DEPTH: dict[str, int] = {
    "popularity": 100,
    "pagerank": 100,
    "adamic_adar": 150,
    "themes": 50,
    "theme_affinity": 100,
    "ties_into_themes": 50,
    "ties_into_country_kind": 100,
    "newcomers_into_country_kind": 100,
    "newcomers_into_country": 50,
    "newcomers_into_kind": 50,
    "text": 50,
}
_MASK_LIMIT = 2000
# Tree traversal of a pool of ~1,000 rows is the ranker's main cost; two threads halve it.
_PREDICT_THREADS = 2


@dataclass(frozen=True)
class Ranker:
    """A trained LightGBM booster over ``INPUTS`` and the features it never saw in training."""

    booster: Any  # lightgbm.Booster; typed loosely so that lightgbm stays an optional import
    unseen: tuple[str, ...]

    def raw_scores(self, inputs: NDArray[np.float32]) -> NDArray[np.float64]:
        """The trees' log-odds per row of ``inputs`` (one column per name in ``INPUTS``)."""
        if inputs.shape[0] == 0:
            return np.zeros(0)
        predicted = self.booster.predict(inputs, raw_score=True, num_threads=_PREDICT_THREADS)
        return np.asarray(predicted, dtype=np.float64)


def ranker_to_json(model_text: str, unseen: Sequence[str]) -> dict[str, object]:
    return {"inputs": list(INPUTS), "unseen": list(unseen), "lightgbm_model": model_text}


def ranker_from_json(data: dict[str, object]) -> Ranker | None:
    """The ranker of a ``ranker.json``; None when it was trained on other inputs or LightGBM
    is not installed (the engine then ranks by the linear score alone)."""
    if data.get("inputs") != list(INPUTS):
        return None
    try:
        import lightgbm
    except ImportError:
        return None
    unseen = data.get("unseen")
    return Ranker(
        booster=lightgbm.Booster(model_str=str(data["lightgbm_model"])),
        unseen=tuple(str(u) for u in unseen) if isinstance(unseen, list) else (),
    )


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    """The ranker learned on the past split of the CORDIS data (``ranker.json``), if shipped."""
    from importlib import resources

    source = resources.files("clusterlogic.matching").joinpath("ranker.json")
    if not source.is_file():
        return None
    return ranker_from_json(json.loads(source.read_text(encoding="utf-8")))


def _top(
    values: NDArray[np.float64],
    positions: NDArray[np.int64] | None,
    allowed: NDArray[np.bool_],
    depth: int,
    blocked: int,
) -> NDArray[np.int64]:
    """Positions of the ``depth`` largest positive allowed values (``positions`` None: dense)."""
    if positions is None:
        if blocked > _MASK_LIMIT:
            values = np.where(allowed, values, -np.inf)
            blocked = 0
        want = min(depth + blocked, values.size)
        if want <= 0:
            return np.zeros(0, dtype=np.int64)
        best = (
            np.argpartition(-values, want - 1)[:want]
            if want < values.size
            else np.arange(values.size)
        )
        best = best[allowed[best] & (values[best] > 0)]
        return np.asarray(best[np.argsort(-values[best], kind="stable")[:depth]], dtype=np.int64)
    keep = allowed[positions] & (values > 0)
    positions, values = positions[keep], values[keep]
    if positions.size > depth:
        positions = positions[np.argpartition(-values, depth - 1)[:depth]]
    return np.asarray(positions, dtype=np.int64)


def candidate_pool(
    features: QueryFeatures, linear: NDArray[np.float64], allowed: NDArray[np.bool_]
) -> NDArray[np.int64]:
    """Who the ranker scores: the linear score's best plus each listed signal's best."""
    blocked = int(allowed.size - np.count_nonzero(allowed))
    chosen: list[NDArray[np.int64]] = []
    if blocked > _MASK_LIMIT:
        masked = np.where(allowed, linear, -np.inf)
        want = min(LINEAR_DEPTH, int(allowed.sum()))
        if want > 0:
            chosen.append(np.argpartition(-masked, want - 1)[:want].astype(np.int64))
    else:
        want = min(LINEAR_DEPTH + blocked, linear.size)
        if want > 0:
            best = np.argpartition(-linear, want - 1)[:want]
            best = best[allowed[best]]
            chosen.append(best[np.argsort(-linear[best], kind="stable")[:LINEAR_DEPTH]])
    for name, depth in POOL_DEPTH.items():
        if name in features.dense:
            chosen.append(_top(features.dense[name], None, allowed, depth, blocked))
        elif name in features.sparse:
            row = features.sparse[name]
            chosen.append(_top(row.values, row.indices, allowed, depth, blocked))
    if not chosen:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(chosen)).astype(np.int64)


def ranker_inputs(
    features: QueryFeatures,
    members: NDArray[np.int64],
    asker_degree: float,
    asker_themes: float,
) -> NDArray[np.float32]:
    """One row per pool member, one column per name in ``INPUTS``."""
    inputs = np.zeros((members.size, len(INPUTS)), dtype=np.float32)
    for name, values in features.dense.items():
        inputs[:, FEATURE_POSITION[name]] = values[members]
    if features.sparse:
        slot = np.full(features.size, -1, dtype=np.int64)
        slot[members] = np.arange(members.size)
        for name, row in features.sparse.items():
            at = slot[row.indices]
            hit = at >= 0
            inputs[at[hit], FEATURE_POSITION[name]] = row.values[hit]
    inputs[:, len(FEATURES)] = asker_degree
    inputs[:, len(FEATURES) + 1] = asker_themes
    return inputs


def unseen_addition(
    ranker: Ranker, inputs: NDArray[np.float32], weights: NDArray[np.float32]
) -> NDArray[np.float64]:
    """The linear part for features the trees never saw (weights in ``FEATURES`` order)."""
    total = np.zeros(inputs.shape[0])
    for name in ranker.unseen:
        position = FEATURE_POSITION[name]
        if weights[position]:
            total += float(weights[position]) * inputs[:, position]
    return total
