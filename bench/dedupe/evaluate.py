"""Precision and recall of ``clusterlogic.dedupe`` per variant kind, beside the baseline.

Data: ``shared/data/org-names/name_pairs.jsonl.gz`` (OffeneRegister/OpenCorporates German
company data, CC BY 4.0, from OpenCorporates; see its SOURCE.md). The file holds the
``train`` split only (``test`` is held back by the maintainers), so tuning used the entities
whose hash falls in four fifths of ``train`` (``--split tune``) and the figures are reported
on the other fifth (``--split report``, no entity shared); ``--split test`` reads a file that
has the held-back rows.

Every distinct (name, city) of the chosen pairs becomes one record; the finder runs on all
of them at once (blocking included, so a pair the blocks miss counts as missed). A labelled
pair is *found* when the finder returns it at or above the threshold. The baseline compares
each labelled pair directly: rapidfuzz ``token_sort_ratio`` ≥ 90 on the lower-cased names.

    .venv/bin/python bench/dedupe/evaluate.py --split report [--data ../shared/data/org-names]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))  # this checkout's clusterlogic, not an installed one

from clusterlogic.dedupe import DEFAULT_THRESHOLD, OrgRecord, find_pairs  # noqa: E402

DATA = REPO_ROOT / ".." / "shared" / "data" / "org-names"
FLOOR_KINDS = ("case_punctuation_only", "legal_form_change", "minor_edit")
KINDS = (*FLOOR_KINDS, "partial_overlap", "rename")


def _in_report_fifth(row: dict[str, str]) -> bool:
    digest = hashlib.sha256(row["entity_id_a"].encode()).digest()
    return digest[0] % 5 == 0


def load_pairs(path: Path, split: str) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    if split == "test":
        return [row for row in rows if row["split"] == "test"]
    train = [row for row in rows if row["split"] == "train"]
    report = split == "report"
    return [row for row in train if _in_report_fifth(row) == report]


def records_of(rows: list[dict[str, str]]) -> tuple[list[OrgRecord], list[tuple[str, str]]]:
    ids: dict[tuple[str, str], str] = {}
    ends = []
    for row in rows:
        pair_ids = []
        for side in ("a", "b"):
            key = (row[f"name_{side}"], row[f"city_{side}"] or "")
            pair_ids.append(ids.setdefault(key, f"n{len(ids)}"))
        ends.append((pair_ids[0], pair_ids[1]))
    records = [OrgRecord(record_id, name, city) for (name, city), record_id in ids.items()]
    return records, ends


def table(
    found: dict[str, Counter[str]], totals: dict[str, Counter[str]]
) -> dict[str, dict[str, float]]:
    out = {}
    for kind in (*KINDS, "floor kinds"):
        kinds = FLOOR_KINDS if kind == "floor kinds" else (kind,)
        tp = sum(found[k]["1"] for k in kinds)
        fp = sum(found[k]["0"] for k in kinds)
        positives = sum(totals[k]["1"] for k in kinds)
        out[kind] = {
            "recall": tp / positives if positives else 0.0,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "positives": positives,
            "negatives": sum(totals[k]["0"] for k in kinds),
            "false_positives": fp,
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "report", "test"), default="report")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--data", type=Path, default=DATA, help="folder of name_pairs.jsonl.gz")
    args = parser.parse_args()
    path = args.data / "name_pairs.jsonl.gz"
    rows = load_pairs(path, args.split)
    if not rows:
        sys.stderr.write(f"no rows of split {args.split!r} in {path}\n")
        return 2
    records, ends = records_of(rows)
    started = time.perf_counter()
    pairs = find_pairs(records, threshold=args.threshold)
    seconds = time.perf_counter() - started
    returned = {(p.a, p.b) for p in pairs} | {(p.b, p.a) for p in pairs}
    totals: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    finder: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    baseline: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    for row, (a, b) in zip(rows, ends, strict=True):
        kind, label = row["variant_kind"], str(row["label"])
        totals[kind][label] += 1
        if a == b or (a, b) in returned:
            finder[kind][label] += 1
        if fuzz.token_sort_ratio(row["name_a"].lower(), row["name_b"].lower()) >= 90:
            baseline[kind][label] += 1
    result = {"split": args.split, "threshold": args.threshold, "records": len(records),
              "labelled_pairs": len(rows), "pairs_returned": len(pairs),
              "finder_seconds": round(seconds, 2)}  # fmt: skip
    print(json.dumps(result))
    ours, base = table(finder, totals), table(baseline, totals)
    head = f"{'kind':24} {'pos':>6} {'neg':>6} | {'finder P':>8} {'R':>6}"
    print(f"{head} | {'baseline P':>10} {'R':>6}")
    for kind, mine in ours.items():
        theirs = base[kind]
        print(
            f"{kind:24} {mine['positives']:6.0f} {mine['negatives']:6.0f} | "
            f"{mine['precision']:8.3f} {mine['recall']:6.3f} | "
            f"{theirs['precision']:10.3f} {theirs['recall']:6.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
