"""How far could any ranker over the engine's inputs go on the evaluation split? A diagnostic.

Not a method and never shipped: it *looks at the evaluation period's truth*. The askers of the
evaluation split (ties up to 2016-12-31, new partners of 2017–2018) are cut in two halves; a
ranker with the shipped recipe (``train_ranker.PARAMS``) is fitted on one half's candidate pools
and scored on the other, and the other way round. Its recall@50 is what perfect knowledge of
the test period's patterns buys with these inputs: an upper reference for the shipped ranker,
which may only learn from before 2017. On cold-start askers (no ties before the cut-off) it
shows how much their only inputs, activity type and country, can carry. A second line ranks
each cold asker's candidates by how often the *other* cold askers of its country and activity
type took them as partners in 2017–2018 (leave-one-out, weighted by 1/|truth|): the best that
a category-level popularity could do.

    .venv/bin/python bench/matching/ceiling.py [--max-queries 3000]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, Split, build_split
from train_ranker import DEPTH, AskerPool, _fit, _recall, _split_pools

from clusterlogic.matching.ranker import INPUTS


def _category_oracle(split: Split) -> tuple[float, float]:
    """Mean recall@50 of cold askers: leave-one-out partner counts of their category, then
    popularity; returned with most-popular's recall on the same askers."""
    by_id = {str(o["id"]): o for o in split.orgs}
    degree: Counter[str] = Counter()
    for tie in split.ties:
        degree[str(tie["a"])] += 1
        degree[str(tie["b"])] += 1
    popular = [org for org, _ in degree.most_common(DEPTH * 8)]
    cold = [q for q in split.truth if q in split.cold]

    def category(org: str) -> tuple[str, str]:
        return str(by_id[org]["country"]), str(by_id[org]["kind"])

    weights: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for asker in cold:
        for partner in split.truth[asker]:
            weights[category(asker)][partner] += 1.0 / len(split.truth[asker])
    oracle, baseline = [], []
    for asker in cold:
        truth = split.truth[asker]
        others = dict(weights[category(asker)])
        for partner in truth:
            others[partner] -= 1.0 / len(truth)
        ranked = sorted(
            (org for org, w in others.items() if w > 1e-9), key=lambda o: (-others[o], o)
        )
        ranked = ranked[:DEPTH]
        ranked += [org for org in popular if org not in set(ranked)]
        oracle.append(len(truth.intersection(ranked[:DEPTH])) / len(truth))
        baseline.append(len(truth.intersection(popular[:DEPTH])) / len(truth))
    return float(np.mean(oracle)), float(np.mean(baseline))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--max-queries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0, help="as evaluate.py")
    args = parser.parse_args()
    cutoff, target_end = "2016-12-31", "2018-12-31"
    pools = _split_pools(args.data, cutoff, target_end, args.max_queries, args.seed)
    halves: tuple[list[AskerPool], list[AskerPool]] = (pools[0::2], pools[1::2])
    scored: list[tuple[list[np.ndarray], list[AskerPool]]] = []
    for fit_half, test_half in (halves, halves[::-1]):
        booster = _fit(fit_half)
        scores = [np.asarray(booster.predict(p.inputs, raw_score=True)) for p in test_half]
        scored.append((scores, test_half))
    popularity = INPUTS.index("popularity")
    rows = {
        "popular": _recall(
            [p.inputs[:, popularity].astype(np.float64) for p in pools],
            pools,
        ),
        "ranker fitted on the other half of 2017-18": _recall(
            [s for scores, _ in scored for s in scores],
            [p for _, half in scored for p in half],
        ),
    }
    print(f"recall@{DEPTH} on {len(pools)} askers of the evaluation split (all / cold):")
    for name, (every, cold) in rows.items():
        print(f"  {name:45s} {every:.4f} / {cold:.4f}")
    oracle, popular = _category_oracle(
        build_split(args.data, cutoff, target_end, max_queries=args.max_queries, seed=args.seed)
    )
    print(
        f"  cold askers, other newcomers' partners of the same country and activity type:"
        f" {oracle:.4f} (most-popular on the same askers {popular:.4f})"
    )


if __name__ == "__main__":
    main()
