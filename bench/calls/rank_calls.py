"""Call → organisation ranking on real data: weights tuned on one period, checked on a later one.

The H2020 projects of ``shared/data/cordis`` name their call topic. For a cut-off date, the
projects that started up to it are the past: profiles (the titles of the topics an
organisation worked on, its name; themes: the programme parts of its projects), ties
(shared projects) and collaborations (``clusterlogic.calls.Collaboration``: members, topic,
programme parts). Each topic with past projects and projects starting after the cut-off
(up to an end date) is one call, worded from its title, code and programme part; the truth
is the organisations of its later projects that were in none of its earlier ones (the
earlier ones are excluded from the ranking: they are known).

Two periods, no topic in both:

* tuned:    past up to 2015-06-30, truth from projects starting up to 2016-12-31;
* held-out: past up to 2016-12-31, truth from projects starting later (topics of the tuned
  period left out). The weights are chosen on the tuned period only.

recall@50 of ``popular`` (most projects first), ``themes`` (the engine's theme signal),
``engine text+themes`` (the engine's need score, what the call page used before) and
``clusterlogic.calls.rank_for_call`` with the shipped weights and with the weights tuned
here (a grid over ``CallWeights``); then the speed (``call_speed.py``).

    .venv/bin/python bench/calls/rank_calls.py --data ../shared/data/cordis [--no-speed]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import pickle
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.calls import call_speed
from clusterlogic.calls import (
    SHIPPED_WEIGHTS,
    CallQuery,
    CallWeights,
    Collaboration,
    build_network,
    call_signals,
    rank_for_call,
)
from clusterlogic.calls.ranking import SIGNALS, top_positions, weighted_sum
from clusterlogic.matching import Organisation, Query, Tie, build_index

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data" / "cordis"
KIND = {"PRC": "company", "HES": "university", "REC": "research", "PUB": "public", "OTH": "other"}
K = 50
GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


# Quarterly cut-offs; a topic is asked at the first one it has projects on both sides of
# (after mid-2016 no topic has). Weights are tuned on the topics of the first two and
# checked on the later ones.
TUNED = ("2015-03-31", "2015-06-30")
HELD_OUT = ("2015-09-30", "2015-12-31", "2016-03-31", "2016-06-30")


@dataclass(frozen=True)
class Period:
    name: str
    cutoff: str
    until: str = "9999"


# Per query: its signal matrix, who may be ranked, and the positions to find.
Kept = list[tuple[np.ndarray, np.ndarray, set[int]]]


@dataclass(frozen=True)
class Split:
    organisations: list[Organisation]
    ties: list[Tie]
    collaborations: list[Collaboration]
    queries: list[tuple[CallQuery, set[str]]]


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _jsonl(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Cordis:
    def __init__(self, data: Path) -> None:
        self.projects = {row["project_rcn"]: row for row in _rows(data / "projects.csv.gz")}
        self.topics = {str(t["topicCode"]): t for t in _jsonl(data / "topics.jsonl.gz")}
        self.names = {
            str(o["pic"]): str(o.get("name") or "")
            for o in _jsonl(data / "organisations-2017.jsonl.gz")
        }
        self.members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for row in _rows(data / "participations.csv.gz"):
            self.members[row["project_rcn"]].append(
                (row["organisation_id"], row["activity_type"], row["country"])
            )

    def split(self, period: Period, skip_topics: set[str]) -> Split:
        text: dict[str, list[str]] = defaultdict(list)
        themes: dict[str, set[str]] = defaultdict(set)
        kind: dict[str, str] = {}
        country: dict[str, str] = {}
        pairs: dict[tuple[str, str], int] = defaultdict(int)
        past: list[tuple[str, Collaboration]] = []
        sides: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"early": set(), "late": set()})
        for rcn, orgs in self.members.items():
            project = self.projects.get(rcn)
            start = project["start_date"] if project else ""
            if project is None or not start or start > period.until:
                continue
            early = start <= period.cutoff
            topic = project["topic"]
            ids = sorted({org for org, _a, _c in orgs})
            for org, activity, land in orgs:
                kind.setdefault(org, KIND.get(activity, "other"))
                country.setdefault(org, land)
            if topic:
                sides[topic]["early" if early else "late"].update(ids)
            if not early:
                continue
            codes = tuple(c for c in project["h2020_programme_codes"].split(";") if c)
            past.append((start, Collaboration(rcn, tuple(ids), (topic,) if topic else (), codes)))
            title = str(self.topics.get(topic, {}).get("title") or "")
            for org in ids:
                text[org].append(title)
                themes[org].update(codes)
            for a, b in combinations(ids, 2):
                pairs[(a, b)] += 1
        known = sorted(set(kind))
        organisations = [
            Organisation(
                id=org,
                name=self.names.get(org, ""),
                kind=kind[org],
                country=country.get(org, ""),
                text=" ".join(text.get(org, [])),
                themes=tuple(sorted(themes.get(org, set()))),
            )
            for org in known
        ]
        queries: list[tuple[CallQuery, set[str]]] = []
        for topic, side in sorted(sides.items()):
            truth = (side["late"] - side["early"]) & set(known)
            if not side["early"] or not truth or topic in skip_topics:
                continue
            info = self.topics.get(topic, {})
            part = str(info.get("legalBasisCode") or "")
            words = " ".join([str(info.get("title") or ""), topic.replace("-", " "), part])
            query = CallQuery(
                id=topic,
                text=words,
                calls=(topic,),
                parts=(part,) if part else (),
                exclude=frozenset(side["early"]),
            )
            queries.append((query, truth))
        ties = [Tie(a, b, float(weight)) for (a, b), weight in pairs.items()]
        collaborations = [c for _start, c in sorted(past, key=lambda item: item[0])]
        return Split(organisations, ties, collaborations, queries)


def recall(ranked: list[str], truth: set[str]) -> float:
    return len(set(ranked[:K]) & truth) / len(truth)


@dataclass
class Results:
    """Per method, the recall@50 of each query; and each query's signals for tuning."""

    recalls: dict[str, list[float]]
    kept: Kept

    def summary(self, tuned: CallWeights) -> dict[str, float]:
        recalls = {m: v for m, v in self.recalls.items() if m in ("popular (ties)", "themes")}
        for name, weights in (
            ("popular (projects)", CallWeights(similarity=0.0, popularity=1.0)),
            ("engine text+themes", CallWeights()),
            ("calls, shipped weights (app)", SHIPPED_WEIGHTS),
            ("calls, tuned weights", tuned),
        ):
            recalls[name] = _recalls(self.kept, weights)
        return {m: statistics.fmean(v) for m, v in recalls.items()}


def collect(split: Split, into: Results) -> None:
    """Rank every query of the split: baselines, the shipped weights, and keep the signals."""
    index = build_index(split.organisations, split.ties)
    network = build_network(index, split.collaborations)
    for n, (query, truth) in enumerate(split.queries):
        engine = Query(id=query.id, text=query.text, exclude=query.exclude)
        for method, name in (("popular", "popular (ties)"), ("themes", "themes")):
            ranked = [r.id for r in index.rank(engine, k=K, method=method)]
            into.recalls[name].append(recall(ranked, truth))
        signals = call_signals(index, network, query)
        truth_positions = {index.position[t] for t in truth}
        into.kept.append((signals.matrix.astype(np.float32), signals.allowed, truth_positions))
        if n == 0:
            # The app's function ranks exactly as the signals scored here do.
            chosen = [index.position[r.id] for r in rank_for_call(index, network, query, k=K)]
            expected = top_positions(
                weighted_sum(SHIPPED_WEIGHTS, signals.matrix), signals.allowed, K
            )
            assert chosen == expected.tolist(), "rank_for_call differs from its signals"


def tune(kept: Kept) -> CallWeights:
    """Coordinate ascent over ``GRID``, one weight at a time, from the engine alone (a full
    grid of 5^5 weightings took too long on a shared machine); the similarity stays 1."""
    started = time.process_time()
    best = CallWeights()
    best_recall = statistics.fmean(_recalls(kept, best))
    tried = 1
    for _round in range(3):
        improved = False
        for position in range(1, len(SIGNALS)):
            for value in GRID:
                values = best.vector()
                values[position] = value
                candidate = CallWeights.of(values.tolist())
                found = statistics.fmean(_recalls(kept, candidate))
                tried += 1
                if found > best_recall + 1e-9:
                    best, best_recall, improved = candidate, found, True
        if not improved:
            break
    print(f"{tried} weightings tried in {time.process_time() - started:.0f} s CPU")
    return best


def _recalls(kept: Kept, weights: CallWeights) -> list[float]:
    found = []
    for matrix, allowed, truth in kept:
        top = top_positions(weighted_sum(weights, matrix.astype(np.float64)), allowed, K)
        found.append(len(set(top.tolist()) & truth) / len(truth))
    return found


def _collect_all(data: Path) -> dict[str, Results]:
    cordis = Cordis(data)
    seen: set[str] = set()
    groups = {"tuned": Results(defaultdict(list), []), "held-out": Results(defaultdict(list), [])}
    for name, cutoffs in (("tuned", TUNED), ("held-out", HELD_OUT)):
        for cutoff in cutoffs:
            split = cordis.split(Period(name, cutoff), seen)
            seen |= {q.id for q, _t in split.queries}
            to_find = sum(len(t) for _q, t in split.queries)
            print(
                f"{name}: past up to {cutoff}: {len(split.organisations)} organisations, "
                f"{len(split.ties)} ties; {len(split.queries)} topics, "
                f"{to_find} new participants to find"
            )
            collect(split, groups[name])
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument(
        "--signals", type=Path, help="keep the ranked signals in this file and reuse them"
    )
    args = parser.parse_args()
    if args.signals is not None and args.signals.exists():
        groups = pickle.loads(args.signals.read_bytes())
    else:
        groups = _collect_all(args.data)
        if args.signals is not None:
            args.signals.write_bytes(pickle.dumps(groups))
    tuned = tune(groups["tuned"].kept)
    print(f"weights tuned on the first period: {tuned}")
    summaries = {name: results.summary(tuned) for name, results in groups.items()}
    print(f"{'recall@' + str(K):<30} {'tuned':>8} {'held-out':>9}")
    for method in summaries["tuned"]:
        print(
            f"{method:<30} {summaries['tuned'][method]:8.4f} {summaries['held-out'][method]:9.4f}"
        )
    if not args.no_speed:
        call_speed.main([])


if __name__ == "__main__":
    main()
