"""Learns the combined score's weights on the past only and ships them as weights.json.

Validation split inside the pre-2017 data: ties and themes from projects starting up to
2016-06-30, truth = new partners in projects starting in the second half of 2016. Nothing
that starts in 2017 or later is read.

    .venv/bin/python bench/matching/train_weights.py [--data ../shared/data/cordis]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, build_split, engine_records

from clusterlogic.matching.combiner import (
    HAND_SET,
    TrainingQuery,
    combiner_to_json,
    fit_combiner,
)
from clusterlogic.matching.index import build_index
from clusterlogic.matching.model import Query

WEIGHTS = Path(__file__).resolve().parents[2] / "clusterlogic" / "matching" / "weights.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cutoff", default="2016-06-30")
    parser.add_argument("--target-end", default="2016-12-31")
    parser.add_argument("--max-queries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    started = time.perf_counter()
    split = build_split(
        args.data, args.cutoff, args.target_end, max_queries=args.max_queries, seed=args.seed
    )
    orgs, ties = engine_records(split)
    index = build_index(orgs, ties, combiner=HAND_SET)
    position = index.position
    queries = [
        TrainingQuery(
            position=position[str(q["org"])],
            new_partners=frozenset(position[p] for p in split.truth[str(q["org"])]),
            known_partners=frozenset(position[p] for p in q["exclude"]),
        )
        for q in split.queries
    ]

    def features_for(asker: int):
        return index.feature_matrix(index.context(Query(id="t", org=orgs[asker].id)))

    combiner = fit_combiner(features_for, queries)
    args.out.write_text(json.dumps(combiner_to_json(combiner), indent=2) + "\n", encoding="utf-8")
    cold = sum(1 for q in queries if not q.known_partners)
    print(
        f"trained on {len(queries)} askers ({cold} cold) of {args.cutoff} -> {args.target_end}"
        f" in {time.perf_counter() - started:.0f} s; wrote {args.out}"
    )
    print(json.dumps(combiner_to_json(combiner), indent=1))


if __name__ == "__main__":
    main()
