"""A diagnostic, never shipped: a ranker retrained on rolling origins, strictly forward.

For each split of ``forward.py`` (ties up to a cut-off, new partners of the year after) the
engine's candidate pool of every asker is built with the hand-set linear weights (the shipped
``weights.json`` saw 2016, so it would leak into earlier splits). Each pool member gets the
ranker's inputs plus period-robust ones: percentiles of degree, of the last year's degree and
of a degree decayed by half a year per year before the cut-off (among organisations with
ties), years since the last tie, years active, the share of ties in the last year, and the
asker's own percentile, years since its last tie and years active. A LightGBM LambdaRank
model is then fitted on the askers of every *earlier* split only (expanding window; nothing
from or after a split's cut-off) and scored on the split's askers, beside most-popular,
Adamic–Adar and themes on the same askers.

    .venv/bin/python bench/matching/rolling_probe.py [--max-queries 1500] [--raw-inputs]

``--raw-inputs``: the ranker's inputs alone, without the period-robust ones.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import lightgbm
import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, build_split, engine_records

from clusterlogic.matching import Query, build_index
from clusterlogic.matching.combiner import HAND_SET
from clusterlogic.matching.index import MatchIndex
from clusterlogic.matching.model import Tie

DEPTH = 50
SPLITS = (
    ("2014-12-31", "2015-12-31"),
    ("2015-12-31", "2016-12-31"),
    ("2016-12-31", "2017-12-31"),
    ("2017-12-31", "2018-12-31"),
)
BASELINES = ("popular", "adamic-adar", "themes")
NEGATIVES_PER_ASKER = 200
PARAMS: dict[str, object] = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 60,
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 200,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": 0,
    "num_threads": 2,
    "verbose": -1,
}
ROUNDS = 200


@dataclass(frozen=True)
class Asker:
    cold: bool
    inputs: NDArray[np.float32]
    is_new_partner: NDArray[np.bool_]
    truth_size: int
    baseline_recall: dict[str, float]


def _percentile(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Rank among the organisations with a positive value, in (0, 1]; 0 where the value is 0."""
    found = np.zeros(values.size)
    positive = values > 0
    if positive.any():
        order = values[positive].argsort().argsort()
        found[positive] = (order + 1) / positive.sum()
    return found


def _period_robust(index: MatchIndex, ties: list[Tie], cut_year: int) -> NDArray[np.float32]:
    size = len(index.organisations)
    decayed, last, first = np.zeros(size), np.full(size, -1), np.full(size, 9999)
    for tie in ties:
        year = int(tie.year or cut_year)
        for org in (tie.a, tie.b):
            at = index.position[org]
            decayed[at] += tie.weight * 0.5 ** (cut_year - year)
            last[at], first[at] = max(last[at], year), min(first[at], year)
    degree, recent = index.graph.degree, index.graph.recent_degree
    return np.stack(
        [
            _percentile(degree),
            _percentile(recent),
            _percentile(decayed),
            np.where(last >= 0, cut_year - last, 10),
            np.where(last >= 0, cut_year - first + 1, 0),
            np.divide(recent, degree, out=np.zeros(size), where=degree > 0),
        ],
        axis=1,
    ).astype(np.float32)


def _askers(data: Path, cutoff: str, end: str, max_queries: int, raw: bool) -> list[Asker]:
    split = build_split(data, cutoff, end, max_queries=max_queries, seed=0)
    orgs, ties = engine_records(split)
    index = build_index(orgs, ties, combiner=HAND_SET)
    robust = _period_robust(index, ties, int(cutoff[:4]))
    askers = []
    for record in split.queries:
        org = str(record["org"])
        query = Query(id=org, org=org, exclude=frozenset(record["exclude"]))
        context = index.context(query)
        members, inputs = index.ranker_pool(
            context, index.features(context), index.scores(query), index.allowed(query)
        )
        if not raw:
            own = robust[index.position[org], [0, 3, 4]]
            inputs = np.hstack([inputs, robust[members], np.tile(own, (members.size, 1))])
        truth = split.truth[org]
        wanted = [index.position[p] for p in truth]
        recalls = {
            method: len(truth.intersection(r.id for r in index.rank(query, DEPTH, method)))
            / len(truth)
            for method in BASELINES
        }
        askers.append(
            Asker(org in split.cold, inputs, np.isin(members, wanted), len(truth), recalls)
        )
    return askers


def _fit(askers: list[Asker]) -> lightgbm.Booster:
    rng = np.random.default_rng(0)
    rows, labels, groups = [], [], []
    for asker in askers:
        if not asker.is_new_partner.any():
            continue
        keep = np.flatnonzero(asker.is_new_partner)
        others = np.flatnonzero(~asker.is_new_partner)
        if asker.is_new_partner.size > NEGATIVES_PER_ASKER:
            chosen = rng.choice(others, min(NEGATIVES_PER_ASKER, others.size), replace=False)
            keep = np.concatenate([keep, chosen])
        else:
            keep = np.arange(asker.is_new_partner.size)
        rows.append(asker.inputs[keep])
        labels.append(asker.is_new_partner[keep].astype(np.float32))
        groups.append(keep.size)
    dataset = lightgbm.Dataset(np.vstack(rows), np.concatenate(labels), group=groups)
    return lightgbm.train(PARAMS, dataset, num_boost_round=ROUNDS)


def _report(label: str, booster: lightgbm.Booster, askers: list[Asker]) -> None:
    for group in ("all", "cold"):
        chosen = [a for a in askers if group == "all" or a.cold]
        recalls = []
        for asker in chosen:
            scores = np.asarray(booster.predict(asker.inputs), dtype=np.float64)
            top = np.argsort(-scores, kind="stable")[:DEPTH]
            recalls.append(float(asker.is_new_partner[top].sum()) / asker.truth_size)
        ranker = float(np.mean(recalls))
        baselines = {m: float(np.mean([a.baseline_recall[m] for a in chosen])) for m in BASELINES}
        print(
            f"{label:<10} {group:<5} {len(chosen):>5} "
            + " ".join(f"{baselines[m]:>11.4f}" for m in BASELINES)
            + f" {ranker:>9.4f} {ranker / max(baselines.values()):>8.3f}"
            + f" {ranker / baselines['popular']:>7.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--max-queries", type=int, default=1500)
    parser.add_argument("--raw-inputs", action="store_true")
    args = parser.parse_args()
    print(
        f"{'split':<10} {'group':<5} {'n':>5} "
        + " ".join(f"{m:>11}" for m in BASELINES)
        + f" {'rolling':>9} {'vs best':>8} {'vs pop':>7}"
    )
    earlier: list[Asker] = []
    for cutoff, end in SPLITS:
        askers = _askers(args.data, cutoff, end, args.max_queries, args.raw_inputs)
        if earlier:
            _report(f"{cutoff[:4]}→{end[:4]}", _fit(earlier), askers)
        earlier += askers


if __name__ == "__main__":
    main()
