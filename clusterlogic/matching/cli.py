"""``clusterhub match ORGS.jsonl QUERIES.jsonl [--ties TIES.jsonl] [--k 20] [--method M]
[--no-embeddings]``.

Where the ``embeddings`` extra is installed, the shipped sentence encoder joins BM25 (reason
"similar profile text"); ``--no-embeddings`` ranks without it.

Writes one JSON line per usable query to standard output, in query order; reports each
skipped input line on standard error as ``FILE:LINE: why``. Exit code 0: every line used;
1: some lines skipped, the rest ranked; 2: nothing could be ranked (unreadable file, bad
arguments, no usable query).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from clusterlogic.matching.combiner import Combiner, combiner_from_json
from clusterlogic.matching.encoders import installed_encoder
from clusterlogic.matching.index import METHODS, build_index
from clusterlogic.matching.jsonl import Problem, read_organisations, read_queries, read_ties
from clusterlogic.matching.reasons import describe

_SCORE_DIGITS = 4


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusterhub match", description="Rank partners for organisations or free-text needs."
    )
    parser.add_argument("orgs", type=Path, help="ORGS.jsonl: one organisation a line")
    parser.add_argument("queries", type=Path, help="QUERIES.jsonl: one query a line")
    parser.add_argument("--ties", type=Path, help="TIES.jsonl: past collaborations")
    parser.add_argument("--k", type=int, default=20, help="partners per query (default 20)")
    parser.add_argument(
        "--method",
        choices=METHODS,
        default="combined",
        help="combined engine (default) or one baseline signal alone",
    )
    parser.add_argument(
        "--weights", type=Path, help="JSON weights of the combined score (default: shipped)"
    )
    parser.add_argument(
        "--no-embeddings",
        action="store_true",
        help="rank without sentence embeddings; by default they join BM25 where the "
        "'embeddings' extra (WordLlama, shipped weights, no download) is installed",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as stop:  # argparse reports bad arguments itself, then exits
        return int(stop.code) if isinstance(stop.code, int) else 2
    if args.k < 0:
        sys.stderr.write("clusterhub match: --k must not be negative\n")
        return 2
    problems: list[Problem] = []
    try:
        combiner: Combiner | None = None
        if args.weights is not None:
            combiner = combiner_from_json(json.loads(args.weights.read_text(encoding="utf-8")))
        organisations, found = read_organisations(args.orgs)
        problems += found
        known = {o.id: o for o in organisations}
        ties, found = read_ties(args.ties, known) if args.ties is not None else ([], [])
        problems += found
        queries, found = read_queries(args.queries, known)
        problems += found
    except (OSError, ValueError) as error:
        for problem in problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"clusterhub match: cannot read input: {error}\n")
        return 2
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    skipped = any(p.skipped for p in problems)
    if not queries or not organisations:
        if skipped or not organisations:
            sys.stderr.write("clusterhub match: nothing could be ranked\n")
            return 2
        return 0
    # The single-signal baselines never read the embedding feature: no need to encode.
    wants_embeddings = args.method == "combined" and not args.no_embeddings
    encoder = installed_encoder() if wants_embeddings else None
    index = build_index(organisations, ties, combiner=combiner, encoder=encoder)
    out = sys.stdout
    for query in queries:
        ranked = index.rank(query, k=args.k, method=args.method)
        line = {
            "query": query.id,
            "ranked": [
                {"id": r.id, "score": round(r.score, _SCORE_DIGITS), "why": describe(r.reasons)}
                for r in ranked
            ],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 1 if skipped else 0
