"""``clusterhub dedupe RECORDS.jsonl [--threshold T] > PAIRS.jsonl``.

Reads one organisation a line (``id`` and ``name`` required), writes one line per candidate
pair, best first, ``{"a", "b", "score", "why"}``. Skipped input lines go to standard error as
``FILE:LINE: why``. Exit code 0: every line read; 1: some skipped, the rest compared; 2:
nothing could be compared (unreadable file, bad arguments, no usable record).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clusterlogic.dedupe.index import find_pairs
from clusterlogic.dedupe.model import OrgRecord
from clusterlogic.dedupe.reasons import describe
from clusterlogic.dedupe.scoring import DEFAULT_THRESHOLD

_OPTIONAL = ("city", "postcode", "street", "country", "website", "email")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusterhub dedupe", description="Find organisation records that are one."
    )
    parser.add_argument("records", type=Path, help="RECORDS.jsonl: one organisation a line")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"lowest score written, 0 to 1 (default {DEFAULT_THRESHOLD})",
    )
    return parser


def _record(value: Any, seen: set[str]) -> OrgRecord | str:
    """The record, or why the line cannot be one."""
    if not isinstance(value, dict):
        return "not a JSON object"
    raw_id, name = value.get("id"), value.get("name")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or str(raw_id) == "":
        return "no id"
    if not isinstance(name, str) or not name.strip():
        return "no name"
    record_id = str(raw_id)
    if record_id in seen:
        return f"id {record_id!r} seen before"
    fields = {}
    for key in _OPTIONAL:
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            return f"{key} is not text"
        fields[key] = (field or "").strip()
    seen.add(record_id)
    return OrgRecord(record_id, name.strip(), **fields)


def read_records(path: Path) -> tuple[list[OrgRecord], list[str]]:
    """The usable records and one ``FILE:LINE: why`` for each skipped line; OSError if the
    file cannot be read."""
    records: list[OrgRecord] = []
    problems: list[str] = []
    seen: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                problems.append(f"{path}:{number}: not UTF-8 ({error.reason}) (skipped)")
                continue
            if not line.strip():
                continue
            try:
                found = _record(json.loads(line), seen)
            except json.JSONDecodeError as error:
                found = f"not JSON ({error.msg})"
            if isinstance(found, str):
                problems.append(f"{path}:{number}: {found} (skipped)")
            else:
                records.append(found)
    return records, problems


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as stop:  # argparse reports bad arguments itself, then exits
        return int(stop.code) if isinstance(stop.code, int) else 2
    if not 0.0 <= args.threshold <= 1.0:
        sys.stderr.write("clusterhub dedupe: --threshold must lie between 0 and 1\n")
        return 2
    try:
        records, problems = read_records(args.records)
    except OSError as error:
        sys.stderr.write(f"clusterhub dedupe: cannot read {args.records}: {error.strerror}\n")
        return 2
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    if not records:
        sys.stderr.write(f"clusterhub dedupe: no usable record in {args.records}\n")
        return 2
    out = sys.stdout
    for pair in find_pairs(records, threshold=args.threshold):
        line = {"a": pair.a, "b": pair.b, "score": pair.score, "why": describe(pair.reasons)}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 1 if problems else 0
