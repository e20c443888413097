"""Speed of ranking 100,000 generated organisations for one call (``rank_for_call``), beside
the engine's need ranking alone (``MatchIndex.rank``) in the same run; wall and CPU time.

The organisations and ties are those of ``bench/matching/speed.py``; each tie is one past
two-member project, and every tenth project targets one of 500 calls in one of 20 programme
parts. A call is worded as the app words it (``projects.fit.call_query_text``: title,
keywords, themes and the first 80 words of its text, ~100 words).

    .venv/bin/python bench/calls/call_speed.py [--orgs 100000] [--runs 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.matching.speed import generate
from clusterlogic.calls import CallQuery, Collaboration, build_network, rank_for_call
from clusterlogic.matching import Query, build_index

_CALLS = 500
_PARTS = 20


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args(argv)
    organisations, ties, _queries = generate(args.orgs, seed=7)
    started = time.perf_counter()
    index = build_index(organisations, ties)
    collaborations = [
        Collaboration(
            id=f"p{n}",
            members=(tie.a, tie.b),
            calls=(f"call{n % _CALLS}",) if n % 10 == 0 else (),
            parts=(f"part{n % _PARTS}",) if n % 10 == 0 else (),
        )
        for n, tie in enumerate(ties)
    ]
    network = build_network(index, collaborations)
    built = time.perf_counter() - started
    words = sorted({w for o in organisations[:2000] for w in o.text.split()})
    timings: dict[str, tuple[list[float], list[float]]] = {
        "engine need ranking (MatchIndex.rank)": ([], []),
        "rank_for_call": ([], []),
    }
    for run in range(args.runs):
        text = " ".join(words[(run * 37 + i * 11) % len(words)] for i in range(100))
        text += " theme-3 theme-17"
        call = CallQuery("c", text, calls=(f"call{run % _CALLS}",), parts=(f"part{run % _PARTS}",))
        asks = (
            ("engine need ranking (MatchIndex.rank)", partial(index.rank, Query("q", text=text))),
            ("rank_for_call", partial(rank_for_call, index, network, call)),
        )
        for name, ask in asks:
            wall, cpu = time.perf_counter(), time.process_time()
            ask(k=50)
            timings[name][0].append(time.perf_counter() - wall)
            timings[name][1].append(time.process_time() - cpu)
    print(f"speed: {args.orgs} organisations, index and network built in {built:.1f} s")
    for name, (walls, cpus) in timings.items():
        (w50, w95), (c50, c95) = _percentiles(walls), _percentiles(cpus)
        print(
            f"  {name:<38} wall p50 {w50 * 1000:6.1f} ms p95 {w95 * 1000:6.1f} ms | "
            f"CPU p50 {c50 * 1000:6.1f} ms p95 {c95 * 1000:6.1f} ms  (target p95 <= 200 ms)"
        )


if __name__ == "__main__":
    main()
