"""Topic proposals for "4 Cluster – ein Thema": themes that reach across many clusters and
draw rising interest, ranked, each with the reasons that put it there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Signals of interest, each counted in the chosen period and in the period before.
REGISTRATIONS = "registrations"
NOTES = "notes"
NEEDS = "needs"
CALLS = "calls"
SIGNALS = (REGISTRATIONS, NOTES, NEEDS, CALLS)
TRENDS = (REGISTRATIONS, NOTES, CALLS)


@dataclass(frozen=True)
class ThemeSignals:
    theme: int
    members_per_cluster: Mapping[int, int]  # the cluster's member organisations with the theme
    now: Mapping[str, int] = field(default_factory=dict)
    before: Mapping[str, int] = field(default_factory=dict)
    interested: tuple[int, ...] = ()  # organisations that would come
    speakers: tuple[int, ...] = ()  # organisations with a project or a talk on it


@dataclass(frozen=True)
class Reason:
    """One fact behind a proposal, worded by the web app: ``kind`` is ``spread`` (value:
    clusters reached, of: all clusters) or a signal (value: now, of: the period before)."""

    kind: str
    value: int
    of: int


@dataclass(frozen=True)
class Proposal:
    theme: int
    score: float
    clusters: tuple[int, ...]
    interested: tuple[int, ...]
    speakers: tuple[int, ...]
    reasons: tuple[Reason, ...]


def growth(now: int, before: int) -> float:
    """Relative rise, damped so that 1 → 3 does not outrank 40 → 80."""
    return (now - before) / (before + 5)


def propose(
    signals: Iterable[ThemeSignals],
    *,
    cluster_count: int,
    minimum_clusters: int = 2,
    limit: int = 10,
) -> list[Proposal]:
    """Themes held by members of at least ``minimum_clusters`` clusters, ranked by spread over
    the clusters times (1 + the rise of interest, never below 0.5)."""
    proposals = []
    for theme in signals:
        clusters = tuple(sorted(c for c, n in theme.members_per_cluster.items() if n > 0))
        if len(clusters) < minimum_clusters:
            continue
        spread = len(clusters) / max(cluster_count, 1)
        # Needs stated on profiles are a standing demand, not a trend: they raise the score a
        # little (at most by half) but do not count as rising interest.
        now = sum(v for k, v in theme.now.items() if k in TRENDS)
        before = sum(v for k, v in theme.before.items() if k in TRENDS)
        rise = growth(now, before)
        demand = 1 + min(theme.now.get(NEEDS, 0), 50) / 100
        speakers = 1 + min(len(theme.speakers), 5) / 10
        score = round(spread * max(0.5, 1 + rise) * demand * speakers, 4)
        reasons = [Reason(kind="spread", value=len(clusters), of=cluster_count)]
        for signal in SIGNALS:
            current, previous = theme.now.get(signal, 0), theme.before.get(signal, 0)
            if current or previous:
                reasons.append(Reason(kind=signal, value=current, of=previous))
        proposals.append(
            Proposal(
                theme=theme.theme,
                score=score,
                clusters=clusters,
                interested=theme.interested,
                speakers=theme.speakers,
                reasons=tuple(reasons),
            )
        )
    proposals.sort(key=lambda p: (-p.score, -len(p.clusters), p.theme))
    return proposals[:limit]
