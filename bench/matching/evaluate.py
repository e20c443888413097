"""Partner matching on real collaborations: CORDIS H2020, ties up to 2016, truth 2017–2018.

Writes ORGS/TIES/QUERIES JSON Lines, runs ``clusterhub match`` once per method (a subprocess,
exactly as a user would), and prints recall@10, recall@50 and MRR on all queries and on
cold-start ones (no ties before the cut-off).

    .venv/bin/python bench/matching/evaluate.py [--data ../shared/data/cordis] [--max-queries 3000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cordis_split import DEFAULT_DATA, REPO_ROOT, build_split, write_jsonl

METHODS = ("popular", "adamic-adar", "themes", "combined")
DEPTH = 50


def _metrics(ranked: list[str], truth: set[str]) -> tuple[float, float, float]:
    hits10 = len(truth.intersection(ranked[:10]))
    hits50 = len(truth.intersection(ranked[:DEPTH]))
    first = next((i for i, org in enumerate(ranked[:DEPTH], start=1) if org in truth), None)
    return hits10 / len(truth), hits50 / len(truth), 0.0 if first is None else 1.0 / first


def _clusterhub() -> list[str]:
    script = Path(sys.executable).with_name("clusterhub")
    return [str(script)] if script.exists() else [sys.executable, "-m", "clusterlogic.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cutoff", default="2016-12-31")
    parser.add_argument("--target-end", default="2018-12-31")
    parser.add_argument("--max-queries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--methods", nargs="+", default=list(METHODS))
    parser.add_argument("--workdir", type=Path, help="keep the JSONL files here")
    parser.add_argument(
        "--no-embeddings", action="store_true", help="passed on to clusterhub match"
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cordis-match-"))
    workdir.mkdir(parents=True, exist_ok=True)
    split = build_split(
        args.data, args.cutoff, args.target_end, max_queries=args.max_queries, seed=args.seed
    )
    write_jsonl(workdir / "orgs.jsonl", split.orgs)
    write_jsonl(workdir / "ties.jsonl", split.ties)
    write_jsonl(workdir / "queries.jsonl", split.queries)
    print(
        f"CORDIS split: ties from projects starting <= {args.cutoff}, truth = new partners in "
        f"({args.cutoff}, {args.target_end}]; {len(split.orgs)} organisations, "
        f"{len(split.ties)} tie lines, {len(split.queries)} queries ({len(split.cold)} cold-start,"
        f" sampled with seed {args.seed}); files in {workdir}"
    )
    header = (
        f"{'method':<12} {'group':<6} {'n':>5} {'R@10':>7} {'R@50':>7} {'MRR':>7} {'time_s':>7}"
    )
    print(header)
    print("-" * len(header))
    results: dict[tuple[str, str], float] = {}
    for method in args.methods:
        started = time.perf_counter()
        done = subprocess.run(
            [
                *_clusterhub(),
                "match",
                str(workdir / "orgs.jsonl"),
                str(workdir / "queries.jsonl"),
                "--ties",
                str(workdir / "ties.jsonl"),
                "--k",
                str(DEPTH),
                "--method",
                method,
                *(["--no-embeddings"] if args.no_embeddings else []),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO_ROOT,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(f"{method}: exit {done.returncode}\n{done.stderr[-2000:]}")
            continue
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        for group in ("all", "cold"):
            scores = [
                _metrics([r["id"] for r in row["ranked"]], split.truth[row["query"]])
                for row in rows
                if group == "all" or row["query"] in split.cold
            ]
            n = len(scores)
            means = [sum(s[i] for s in scores) / max(n, 1) for i in range(3)]
            results[(method, group)] = means[1]
            print(
                f"{method:<12} {group:<6} {n:>5} {means[0]:>7.4f} {means[1]:>7.4f} {means[2]:>7.4f}"
                f" {seconds:>7.1f}"
            )
    if ("combined", "all") in results:
        best = max(
            (m for m in args.methods if m != "combined" and (m, "all") in results),
            key=lambda m: results[(m, "all")],
            default=None,
        )
        if best is not None:
            gain = results[("combined", "all")] / max(results[(best, "all")], 1e-12) - 1
            print(f"combined vs best single baseline ({best}), R@50 all: {gain:+.1%} (floor +10%)")
        if ("popular", "cold") in results:
            gain = results[("combined", "cold")] / max(results[("popular", "cold")], 1e-12) - 1
            print(f"combined vs most-popular, R@50 cold-start: {gain:+.1%} (floor +20%)")


if __name__ == "__main__":
    main()
