"""Partner matching forward in time: several rolling origins of CORDIS H2020, side by side.

Each split keeps the ties of projects that started up to a cut-off and asks for the new
partners of the year after (2014→2015, 2015→2016, 2016→2017, 2017→2018); cold askers had no
ties before the cut-off. Every method ranks in this process on the same index (as
``clusterhub match`` would): most-popular, Adamic–Adar, themes and the combined ranker
(the shipped ``ranker.json`` unless ``--ranker FILE``, e.g. from ``train_ranker.py
--out``). Prints recall@50, all and cold, with the floors: combined ≥ 1.10 × the best
single baseline overall and ≥ 1.20 × most-popular on cold askers, on every split.

A split is a forward test of the shipped model only if the model saw nothing after the
split's cut-off: ``weights.json`` and ``ranker.json`` learned from ties up to 2016-06-30 and
the new partners of 2016 (up to 2016-12-31), so only the splits cut at 2016-12-31 or later
are forward tests of them; the others are marked "(not forward)".

``--profiles`` adds the 2017 listing's names, short names and cities and the titles of an
organisation's past call topics as its profile text (``cordis_split.build_split``).

    .venv/bin/python bench/matching/forward.py [--max-queries 800] [--profiles]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, build_split, engine_records

from clusterlogic.matching import Query, build_index
from clusterlogic.matching.ranker import Ranker, ranker_from_json

METHODS = ("popular", "adamic-adar", "themes", "combined")
DEPTH = 50
SPLITS = (
    ("2014-12-31", "2015-12-31"),
    ("2015-12-31", "2016-12-31"),
    ("2016-12-31", "2017-12-31"),
    ("2017-12-31", "2018-12-31"),
)
# The shipped weights and ranker learned from new partners up to this day (train_weights.py,
# train_ranker.py): a split cut before it asks about a period the model has seen.
SHIPPED_TRAINED_THROUGH = "2016-12-31"


def _recall(ranked: list[str], truth: set[str]) -> float:
    return len(truth.intersection(ranked[:DEPTH])) / len(truth)


def _evaluate(
    data: Path,
    cutoff: str,
    end: str,
    *,
    max_queries: int,
    seed: int,
    profiles: bool,
    ranker: Ranker | None,
) -> dict[tuple[str, str], float]:
    split = build_split(data, cutoff, end, max_queries=max_queries, seed=seed, profiles=profiles)
    orgs, ties = engine_records(split)
    index = build_index(orgs, ties, ranker=ranker)
    results: dict[tuple[str, str], float] = {}
    for method in METHODS:
        recalls: dict[str, list[float]] = {"all": [], "cold": []}
        for record in split.queries:
            org = str(record["org"])
            query = Query(id=org, org=org, exclude=frozenset(record["exclude"]))
            ranked = [r.id for r in index.rank(query, k=DEPTH, method=method)]
            recall = _recall(ranked, split.truth[org])
            recalls["all"].append(recall)
            if org in split.cold:
                recalls["cold"].append(recall)
        for group, values in recalls.items():
            results[(method, group)] = sum(values) / max(1, len(values))
    results[("n", "all")] = len(split.queries)
    results[("n", "cold")] = len(split.cold)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--max-queries", type=int, default=800)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profiles", action="store_true")
    parser.add_argument(
        "--ranker", type=Path, help="a ranker file of train_ranker.py (default: the shipped one)"
    )
    parser.add_argument(
        "--trained-through",
        default=SHIPPED_TRAINED_THROUGH,
        help="the last day the model's training data reached (earlier cut-offs: not forward)",
    )
    parser.add_argument(
        "--splits", nargs="+", help="CUTOFF:END pairs (default: the four rolling origins)"
    )
    args = parser.parse_args()
    splits = [tuple(s.split(":")) for s in args.splits] if args.splits else list(SPLITS)
    ranker = (
        ranker_from_json(json.loads(args.ranker.read_text(encoding="utf-8")))
        if args.ranker
        else None
    )
    header = (
        f"{'split':<23} {'group':<5} {'n':>5} "
        + " ".join(f"{m:>11}" for m in METHODS)
        + f" {'vs best':>8} {'vs pop':>7}  floors"
    )
    print(
        f"recall@{DEPTH}, {args.max_queries} askers a split (seed {args.seed}), "
        f"profile text: {'2017 names, cities, topic titles' if args.profiles else 'names only'}"
    )
    print(header)
    print("-" * len(header))
    for cutoff, end in splits:
        started = time.perf_counter()
        results = _evaluate(
            args.data,
            cutoff,
            end,
            max_queries=args.max_queries,
            seed=args.seed,
            profiles=args.profiles,
            ranker=ranker,
        )
        label = f"{cutoff[:4]}→{end[:4]}"
        if cutoff < args.trained_through:
            label += " (not forward)"
        for group in ("all", "cold"):
            values = [results[(m, group)] for m in METHODS]
            best = max(results[(m, group)] for m in METHODS if m != "combined")
            versus_best = results[("combined", group)] / max(best, 1e-12)
            versus_popular = results[("combined", group)] / max(results[("popular", group)], 1e-12)
            floor = (
                f"≥1.10 best: {versus_best >= 1.10}"
                if group == "all"
                else f"≥1.20 popular: {versus_popular >= 1.20}"
            )
            print(
                f"{label:<23} {group:<5} {int(results[('n', group)]):>5} "
                + " ".join(f"{v:>11.4f}" for v in values)
                + f" {versus_best:>8.3f} {versus_popular:>7.3f}  {floor}"
            )
        print(f"{'':<23} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
