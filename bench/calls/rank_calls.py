"""Call → organisation ranking on real data, and its speed.

The H2020 projects of ``shared/data/cordis`` name their call topic. Profiles and ties are
built from the projects that started up to the cut-off (profile text: the titles of the
topics an organisation worked on and its name; themes: the programme parts of its
projects). Each topic with projects on both sides of the cut-off is one query, worded as
the app words a call (``projects.fit.call_query_text``: title, topic code, programme part);
the truth is the organisations that took part in the topic's later projects and in none of
its earlier ones (those are excluded from the ranking: they are known). recall@50 of:

* ``popular``      — most ties first (most-popular baseline);
* ``themes``       — the engine's theme signal only (themes-only baseline);
* ``combined``     — the engine's text + theme side, as the call page asks it;
* ``combined+earlier`` — the same, plus partners of the topic's earlier participants
  (a bench-only variant: how much "given the earlier ones" adds), and that plus popularity.

Then the time to rank 100,000 generated organisations for one call (p50/p95).

    .venv/bin/python bench/calls/rank_calls.py [--data DIR] [--cutoff 2015-06-30]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.matching.speed import generate
from clusterlogic.matching import Organisation, Query, Tie, build_index

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data" / "cordis"
KIND = {"PRC": "company", "HES": "university", "REC": "research", "PUB": "public", "OTH": "other"}
K = 50


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _jsonl(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(data: Path, cutoff: str) -> tuple[list[Organisation], list[Tie], list[dict[str, object]]]:
    projects = {row["project_rcn"]: row for row in _rows(data / "projects.csv.gz")}
    topics = {str(t["topicCode"]): t for t in _jsonl(data / "topics.jsonl.gz")}
    names = {
        str(o["pic"]): str(o.get("name") or "")
        for o in _jsonl(data / "organisations-2017.jsonl.gz")
    }
    members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in _rows(data / "participations.csv.gz"):
        members[row["project_rcn"]].append(
            (row["organisation_id"], row["activity_type"], row["country"])
        )
    text: dict[str, list[str]] = defaultdict(list)
    themes: dict[str, set[str]] = defaultdict(set)
    kind: dict[str, str] = {}
    country: dict[str, str] = {}
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    by_topic: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"early": set(), "late": set()})
    for rcn, orgs in members.items():
        project = projects.get(rcn)
        if project is None or not project["start_date"]:
            continue
        early = project["start_date"] <= cutoff
        topic = project["topic"]
        ids = sorted({org for org, _a, _c in orgs})
        for org, activity, land in orgs:
            kind.setdefault(org, KIND.get(activity, "other"))
            country.setdefault(org, land)
        if topic:
            by_topic[topic]["early" if early else "late"].update(ids)
        if not early:
            continue
        title = str(topics.get(topic, {}).get("title") or "")
        for org in ids:
            text[org].append(title)
            themes[org].update(c for c in project["h2020_programme_codes"].split(";") if c)
        for a, b in combinations(ids, 2):
            pairs[(a, b)] += 1
    known = sorted(set(kind))
    organisations = [
        Organisation(
            id=org,
            name=names.get(org, ""),
            kind=kind[org],
            country=country.get(org, ""),
            text=" ".join(text.get(org, [])),
            themes=tuple(sorted(themes.get(org, set()))),
        )
        for org in known
    ]
    ties = [Tie(a, b, float(weight)) for (a, b), weight in pairs.items()]
    queries: list[dict[str, object]] = []
    for topic, sides in sorted(by_topic.items()):
        truth = (sides["late"] - sides["early"]) & set(known)
        if not sides["early"] or not truth:
            continue
        info = topics.get(topic, {})
        part = str(info.get("legalBasisCode") or "")
        words = " ".join([str(info.get("title") or ""), topic.replace("-", " "), part])
        queries.append({"topic": topic, "text": words, "early": sides["early"], "truth": truth})
    return organisations, ties, queries


def recall(ranked: list[str], truth: set[str]) -> float:
    return len(set(ranked[:K]) & truth) / len(truth)


def evaluate(
    organisations: list[Organisation], ties: list[Tie], queries: list[dict[str, object]]
) -> dict[str, float]:
    index = build_index(organisations, ties)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for tie in ties:
        neighbours[tie.a].add(tie.b)
        neighbours[tie.b].add(tie.a)
    scores: dict[str, list[float]] = defaultdict(list)
    for q in queries:
        early: set[str] = q["early"]  # type: ignore[assignment]
        truth: set[str] = q["truth"]  # type: ignore[assignment]
        query = Query(id=str(q["topic"]), text=str(q["text"]), exclude=frozenset(early))
        for method in ("popular", "themes", "combined"):
            ranked = [r.id for r in index.rank(query, k=K, method=method)]
            scores[method].append(recall(ranked, truth))
        # Bench-only variant: the combined score plus ties to the topic's earlier participants.
        base = index.scores(query, "combined")
        top = float(base.max()) or 1.0
        boost = np.zeros(len(organisations))
        for member in early:
            for other in neighbours.get(member, ()):
                boost[index.position[other]] += 1.0
        if boost.max() > 0:
            boost /= boost.max()
        allowed = index.allowed(query)
        popular = index.scores(query, "popular")
        popular = popular / (float(popular.max()) or 1.0)
        for name, total in (
            ("combined+earlier", base / top + 0.5 * boost),
            ("combined+earlier+popular", base / top + 0.5 * boost + 0.5 * popular),
        ):
            total[~allowed] = -np.inf
            order = np.argsort(-total)[:K]
            scores[name].append(recall([organisations[i].id for i in order], truth))
    return {method: statistics.fmean(values) for method, values in scores.items()}


def speed(size: int, runs: int) -> tuple[float, float, float]:
    organisations, ties, _queries = generate(size, seed=7)
    started = time.perf_counter()
    index = build_index(organisations, ties)
    built = time.perf_counter() - started
    words = sorted({w for o in organisations[:2000] for w in o.text.split()})
    timings: list[float] = []
    for run in range(runs):
        # A call's wording as the app sends it: title, keywords, themes and the first 80
        # words of its text (``projects.fit.call_query_text``), ~100 words in all.
        text = " ".join(words[(run * 37 + i * 11) % len(words)] for i in range(100))
        query = Query(id=f"call{run}", text=text + " theme-3 theme-17")
        started = time.perf_counter()
        index.rank(query, k=50)
        timings.append(time.perf_counter() - started)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    return built, statistics.median(timings), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cutoff", default="2015-06-30")
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    organisations, ties, queries = load(args.data, args.cutoff)
    to_find = sum(len(q["truth"]) for q in queries)  # type: ignore[arg-type, misc]
    print(
        f"{len(organisations)} organisations, {len(ties)} ties up to {args.cutoff}; "
        f"{len(queries)} topics with earlier and later projects; "
        f"{to_find} new participants to find"
    )
    for method, value in evaluate(organisations, ties, queries).items():
        print(f"recall@{K:<3} {method:<26} {value:.4f}")
    built, p50, p95 = speed(args.orgs, args.runs)
    print(
        f"speed: {args.orgs} organisations, index built in {built:.1f} s; rank one call "
        f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (target p95 <= 200 ms)"
    )


if __name__ == "__main__":
    main()
