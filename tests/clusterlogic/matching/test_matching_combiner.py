"""Learning the combined score's weights from held-out askers (coordinate ascent on recall)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from clusterlogic.matching.combiner import (
    HAND_SET,
    NEED_WEIGHT_FLOOR,
    TrainingQuery,
    combiner_from_json,
    combiner_to_json,
    fit_combiner,
    shipped_combiner,
)
from clusterlogic.matching.features import FEATURE_POSITION, FEATURES

_SIZE = 400


def _synthetic(asker: int) -> NDArray[np.float32]:
    """Popularity is noise; the ``themes`` column marks the asker's true new partners."""
    rng = np.random.default_rng(asker)
    columns = np.zeros((len(FEATURES), _SIZE), dtype=np.float32)
    columns[FEATURE_POSITION["popularity"]] = rng.random(_SIZE)
    columns[FEATURE_POSITION["themes"], _truth(asker)] = 1.0
    return columns


def _truth(asker: int) -> list[int]:
    return [(asker * 7 + i) % _SIZE for i in range(1, 11)]


def test_coordinate_ascent_gives_weight_to_the_feature_that_finds_new_partners() -> None:
    queries = [
        TrainingQuery(a, frozenset(_truth(a)), frozenset({(a + 200) % _SIZE} if a % 2 else ()))
        for a in range(80)
    ]
    combiner = fit_combiner(_synthetic, queries)
    themes = FEATURE_POSITION["themes"]
    assert combiner.learned
    assert combiner.warm[themes] > 0 and combiner.cold[themes] > 0
    city = FEATURE_POSITION["same_city"]  # never non-zero in training: keeps its prior
    assert combiner.warm[city] == HAND_SET.warm[city] != 0


def test_too_few_askers_keep_the_hand_set_weights() -> None:
    combiner = fit_combiner(_synthetic, [TrainingQuery(1, frozenset(_truth(1)), frozenset())])
    assert combiner.cold == HAND_SET.cold


def test_weights_round_trip_through_json_and_a_need_lifts_text_weight() -> None:
    combiner = shipped_combiner()
    assert combiner_from_json(combiner_to_json(combiner)) == combiner
    text = FEATURE_POSITION["text"]
    lifted = combiner.weights(has_ties=False, has_need=True)[text]
    assert lifted >= NEED_WEIGHT_FLOOR["text"]
