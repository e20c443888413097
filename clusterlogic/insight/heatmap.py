"""Members per theme and cluster, raw and normalised by the cluster's size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    theme: int
    cluster: int
    members: int
    share: float  # of the cluster's members, 0 to 1


def theme_cluster_cells(
    memberships: Iterable[tuple[int, int]],
    themes_of: Mapping[int, frozenset[int]],
) -> list[Cell]:
    """``memberships`` are (organisation, cluster) pairs; ``themes_of`` the organisation's
    themes. Each cell counts the cluster's member organisations with that theme."""
    size: Counter[int] = Counter()
    counts: Counter[tuple[int, int]] = Counter()
    for organisation, cluster in set(memberships):
        size[cluster] += 1
        for theme in themes_of.get(organisation, frozenset()):
            counts[(theme, cluster)] += 1
    return [
        Cell(theme=theme, cluster=cluster, members=count, share=count / size[cluster])
        for (theme, cluster), count in sorted(counts.items())
    ]
