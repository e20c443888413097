"""Organisations in several clusters, counted the UpSet way: each organisation lands in
exactly one bar, the bar of the precise set of clusters it belongs to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Intersection:
    clusters: frozenset[int]
    organisations: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.organisations)


def intersections(
    clusters_of: Mapping[int, frozenset[int]], *, minimum_clusters: int = 2
) -> list[Intersection]:
    """Exclusive intersections of at least ``minimum_clusters`` clusters, largest first
    (ties: more clusters first, then by the cluster ids)."""
    members: dict[frozenset[int], list[int]] = defaultdict(list)
    for organisation, clusters in clusters_of.items():
        if len(clusters) >= minimum_clusters:
            members[frozenset(clusters)].append(organisation)
    found = [
        Intersection(clusters=key, organisations=tuple(sorted(value)))
        for key, value in members.items()
    ]
    return sorted(found, key=lambda item: (-item.size, -len(item.clusters), sorted(item.clusters)))
