"""Learns the combined engine's second stage (a LightGBM ranker) on the past only.

Two validation splits inside the pre-2017 data (nothing that starts in 2017 or later is read):
ties up to 2015-12-31 with the new partners of 2016 as truth (a full "recent" year before the
cut-off and a full year after, as in the evaluation), and ties up to 2016-06-30 with the new
partners of the second half of 2016 (as ``train_weights.py``). For each asker the engine's own
candidate pool is built exactly as at ranking time; its real new partners are the relevant
items of a LambdaRank objective (one query group per asker, truncated near the depth of 50
that the evaluation counts; it beat a weighted binary objective on held-out askers). A fifth
of the askers is held out first to report recall@50 of most-popular, the linear score and the
ranker; then the model is fitted on all askers and written to
``clusterlogic/matching/ranker.json``.

    .venv/bin/python bench/matching/train_ranker.py [--data ../shared/data/cordis]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import lightgbm
import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, build_split, engine_records

from clusterlogic.matching.combiner import Combiner, combiner_from_json, shipped_combiner
from clusterlogic.matching.features import FEATURES
from clusterlogic.matching.index import MatchIndex, build_index
from clusterlogic.matching.model import Query
from clusterlogic.matching.ranker import INPUTS, ranker_to_json

RANKER = Path(__file__).resolve().parents[2] / "clusterlogic" / "matching" / "ranker.json"
DEPTH = 50
PARAMS: dict[str, object] = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 60,
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 0,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 2,
    "verbose": -1,
}
ROUNDS = 300


@dataclass(frozen=True)
class AskerPool:
    """One asker's candidate pool: inputs, truth labels, linear scores, size of the truth."""

    inputs: NDArray[np.float32]
    is_new_partner: NDArray[np.bool_]
    linear: NDArray[np.float64]
    truth_size: int
    cold: bool


def _pools(
    index: MatchIndex, split_queries: list[dict[str, object]], truth: dict[str, set[str]]
) -> list[AskerPool]:
    pools = []
    for record in split_queries:
        org = str(record["org"])
        exclude = frozenset(str(p) for p in record["exclude"])  # type: ignore[attr-defined]
        query = Query(id=org, org=org, exclude=exclude)
        context = index.context(query)
        features = index.features(context)
        linear = index.scores(query)
        members, inputs = index.ranker_pool(context, features, linear, index.allowed(query))
        wanted = np.fromiter((index.position[p] for p in truth[org]), dtype=np.int64)
        pools.append(
            AskerPool(inputs, np.isin(members, wanted), linear[members], len(wanted), not exclude)
        )
    return pools


def _recall(scores: list[NDArray[np.float64]], pools: list[AskerPool]) -> tuple[float, float]:
    every, cold = [], []
    for score, pool in zip(scores, pools, strict=True):
        top = np.argsort(-score, kind="stable")[:DEPTH]
        recall = float(pool.is_new_partner[top].sum()) / pool.truth_size
        every.append(recall)
        if pool.cold:
            cold.append(recall)
    return float(np.mean(every)), float(np.mean(cold)) if cold else 0.0


def _fit(pools: list[AskerPool]) -> lightgbm.Booster:
    data = lightgbm.Dataset(
        np.concatenate([p.inputs for p in pools]),
        np.concatenate([p.is_new_partner for p in pools]).astype(np.float32),
        group=[p.inputs.shape[0] for p in pools],
        feature_name=list(INPUTS),
    )
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def _split_pools(
    data: Path,
    cutoff: str,
    target_end: str,
    max_queries: int | None,
    seed: int,
    combiner: Combiner | None = None,
) -> list[AskerPool]:
    split = build_split(data, cutoff, target_end, max_queries=max_queries, seed=seed)
    orgs, ties = engine_records(split)
    # The linear weights (the shipped ones unless given) nominate the pool, as at ranking time.
    index = build_index(orgs, ties, combiner=combiner or shipped_combiner())
    pools = _pools(index, split.queries, split.truth)
    coverage = np.mean([p.is_new_partner.sum() / p.truth_size for p in pools])
    print(
        f"{len(pools)} askers ({sum(p.cold for p in pools)} cold) of {cutoff} -> {target_end};"
        f" mean pool {np.mean([p.inputs.shape[0] for p in pools]):.0f},"
        f" truth in pool {coverage:.3f}"
    )
    return pools


def _report_held_out(pools: list[AskerPool]) -> None:
    """Fits on four fifths of the askers and prints recall@50 on the rest."""
    held_out = set(range(0, len(pools), 5))
    fit_pools = [p for i, p in enumerate(pools) if i not in held_out]
    test_pools = [p for i, p in enumerate(pools) if i in held_out]
    booster = _fit(fit_pools)
    linear = _recall([p.linear for p in test_pools], test_pools)
    trees = _recall(
        [np.asarray(booster.predict(p.inputs, raw_score=True)) for p in test_pools], test_pools
    )
    popular = _recall(
        [p.inputs[:, INPUTS.index("popularity")].astype(np.float64) for p in test_pools], test_pools
    )
    print(
        f"held-out askers R@50 all / cold: popular {popular[0]:.4f} / {popular[1]:.4f},"
        f" linear {linear[0]:.4f} / {linear[1]:.4f}, ranker {trees[0]:.4f} / {trees[1]:.4f}"
    )


def _report_later(booster: lightgbm.Booster, later: list[AskerPool]) -> None:
    """Recall@50 on a later split's askers: most-popular, the linear score, the ranker."""
    popular = _recall(
        [p.inputs[:, INPUTS.index("popularity")].astype(np.float64) for p in later], later
    )
    linear = _recall([p.linear for p in later], later)
    trees = _recall([np.asarray(booster.predict(p.inputs, raw_score=True)) for p in later], later)
    print(
        f"later askers R@50 all / cold: popular {popular[0]:.4f} / {popular[1]:.4f},"
        f" linear {linear[0]:.4f} / {linear[1]:.4f}, ranker {trees[0]:.4f} / {trees[1]:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--splits",
        default="2015-12-31:2016-12-31,2016-06-30:2016-12-31",
        help="CUTOFF:TARGET_END,... (all before 2017); the askers of all are pooled",
    )
    parser.add_argument(
        "--max-queries", type=int, default=None, help="askers per split (default: all)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RANKER)
    parser.add_argument(
        "--no-held-out", action="store_true", help="skip the held-out report (halves the time)"
    )
    parser.add_argument(
        "--weights", type=Path, help="linear weights that nominate the pools (default: shipped)"
    )
    parser.add_argument(
        "--validate",
        metavar="CUTOFF:TARGET_END",
        help="a later past split to score the fitted ranker on (every asker), beside the linear"
        " score and most-popular: a check that moves forward in time, as the evaluation does",
    )
    args = parser.parse_args()
    combiner = (
        combiner_from_json(json.loads(args.weights.read_text(encoding="utf-8")))
        if args.weights
        else None
    )
    started = time.perf_counter()
    pools: list[AskerPool] = []
    for spec in args.splits.split(","):
        cutoff, target_end = spec.split(":")
        if target_end >= "2017":
            parser.error("train only on the past: every target end must be before 2017")
        pools += _split_pools(args.data, cutoff, target_end, args.max_queries, args.seed, combiner)
    print(f"features in {time.perf_counter() - started:.0f} s")
    if not args.no_held_out:
        _report_held_out(pools)
    booster = _fit(pools)
    if args.validate:
        cutoff, target_end = args.validate.split(":")
        if target_end >= "2017":
            parser.error("validate on the past only: the target end must be before 2017")
        _report_later(booster, _split_pools(args.data, cutoff, target_end, None, 1, combiner))
    everything = np.concatenate([p.inputs for p in pools])
    unseen = [name for i, name in enumerate(FEATURES) if not np.any(everything[:, i])]
    text = booster.model_to_string()
    args.out.write_text(json.dumps(ranker_to_json(text, unseen)) + "\n", encoding="utf-8")
    gain = dict(zip(INPUTS, booster.feature_importance("gain").round(0).tolist(), strict=True))
    print(f"unseen in training (added linearly): {unseen}")
    print(f"gain by input: {json.dumps(gain)}")
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in"
        f" {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
