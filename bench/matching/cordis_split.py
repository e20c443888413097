"""Builds a time split of the CORDIS H2020 collaborations as `clusterhub match` input.

Ties: co-participation in projects that started up to the cut-off. Themes: the programme parts
and topics of those projects. Queries: organisations that gained new partners in projects
starting after the cut-off and up to the end of the target window; truth: those new partners.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from clusterlogic.matching.model import Organisation, Tie

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data" / "cordis"
KIND_OF_ACTIVITY = {
    "PRC": "company",
    "HES": "university",
    "REC": "research",
    "PUB": "public",
    "OTH": "other",
}


@dataclass(frozen=True)
class Split:
    """One evaluation split: the input files' records and the truth per query."""

    orgs: list[dict[str, object]]
    ties: list[dict[str, object]]
    queries: list[dict[str, object]]
    truth: dict[str, set[str]]
    cold: set[str]


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _profiles_2017(data: Path) -> dict[str, dict[str, str]]:
    """Names and cities per PIC from the mid-2017 CORDIS listing (static facts of an
    organisation; its project counts are left out, they would tell the future)."""
    path = data / "organisations-2017.jsonl.gz"
    if not path.exists():
        return {}
    found: dict[str, dict[str, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            found[str(record["pic"])] = {
                "name": str(record.get("name") or ""),
                "short": str(record.get("shortName") or ""),
                "city": str(record.get("city") or "").title(),
            }
    return found


def _topic_titles(data: Path) -> dict[str, str]:
    path = data / "topics.jsonl.gz"
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return {str(r["topicCode"]): str(r.get("title") or "") for r in records}


def build_split(
    data: Path,
    cutoff: str,
    target_end: str,
    *,
    max_queries: int | None,
    seed: int,
    profiles: bool = False,
) -> Split:
    """ISO dates: ties up to ``cutoff``; projects in (cutoff, target_end] give the truth.

    ``profiles``: names, short names and cities from the 2017 listing, and the titles of the
    call topics of an organisation's past projects, as its profile text (cold-start askers
    then have a name and a city, not only a country and a kind)."""
    projects = {row["project_rcn"]: row for row in _rows(data / "projects.csv.gz")}
    members: dict[str, list[str]] = defaultdict(list)
    for row in _rows(data / "participations.csv.gz"):
        members[row["project_rcn"]].append(row["organisation_id"])
    themes: dict[str, set[str]] = defaultdict(set)
    pair_years: dict[tuple[str, str, int], int] = defaultdict(int)
    past: dict[str, set[str]] = defaultdict(set)
    future: dict[str, set[str]] = defaultdict(set)
    for rcn, orgs in members.items():
        project = projects[rcn]
        start = project["start_date"]
        if start <= cutoff:
            labels = [p for p in project["programme_parts"].split(";") if p]
            if project["topic"]:
                labels.append(project["topic"])
            for org in orgs:
                themes[org].update(labels)
            for a, b in combinations(sorted(set(orgs)), 2):
                pair_years[(a, b, int(start[:4]))] += 1
                past[a].add(b)
                past[b].add(a)
        elif start <= target_end:
            for a, b in combinations(sorted(set(orgs)), 2):
                future[a].add(b)
                future[b].add(a)
    listed = _profiles_2017(data) if profiles else {}
    titles = _topic_titles(data) if profiles else {}
    orgs_out: list[dict[str, object]] = []
    for row in _rows(data / "organisations.csv.gz"):
        org_id = row["organisation_id"]
        known = listed.get(org_id, {})
        name = row["name"] or known.get("name", "")
        topic_text = sorted({titles[t] for t in themes.get(org_id, ()) if t in titles})
        orgs_out.append(
            {
                "id": org_id,
                "name": name,
                "kind": KIND_OF_ACTIVITY.get(row["activity_type"], "other"),
                "country": row["country"],
                "city": known.get("city", ""),
                "text": " ".join([name, known.get("short", ""), *topic_text]).strip(),
                "themes": sorted(themes.get(org_id, ())),
            }
        )
    ties_out: list[dict[str, object]] = [
        {"a": a, "b": b, "weight": weight, "year": year}
        for (a, b, year), weight in sorted(pair_years.items())
    ]
    truth = {org: partners - past[org] for org, partners in future.items()}
    truth = {org: partners for org, partners in truth.items() if partners}
    chosen = sorted(truth)
    random.Random(seed).shuffle(chosen)
    chosen = sorted(chosen[:max_queries])
    queries: list[dict[str, object]] = [
        {"id": org, "org": org, "exclude": sorted(past[org])} for org in chosen
    ]
    return Split(
        orgs=orgs_out,
        ties=ties_out,
        queries=queries,
        truth={org: truth[org] for org in chosen},
        cold={org for org in chosen if not past[org]},
    )


def engine_records(split: Split) -> tuple[list[Organisation], list[Tie]]:
    """The split's organisations and ties as the engine's own records (what ``clusterhub
    match`` reads from the JSONL files), for scripts that build an index in-process."""
    orgs = [
        Organisation(
            id=str(o["id"]),
            name=str(o["name"]),
            kind=str(o["kind"]),
            country=str(o["country"]),
            city=str(o.get("city", "")),
            text=str(o["text"]),
            themes=tuple(str(t) for t in o["themes"]),  # type: ignore[attr-defined]
        )
        for o in split.orgs
    ]
    ties = [
        Tie(
            a=str(t["a"]),
            b=str(t["b"]),
            weight=float(t["weight"]),  # type: ignore[arg-type]
            year=int(t["year"]),  # type: ignore[call-overload]
        )
        for t in split.ties
    ]
    return orgs, ties


def write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
