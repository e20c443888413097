"""Rank organisations for one funding call: the call's wording, who worked with the call's and
its programme part's earlier participants, and experience (see the package docstring)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field, fields

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from clusterlogic.matching import MatchIndex, Query, Ranked, ReasonPart
from clusterlogic.matching.features import QueryContext, QueryFeatures

SIGNALS: tuple[str, ...] = (
    "similarity",
    "call_partners",
    "part_members",
    "part_partners",
    "popularity",
)


@dataclass(frozen=True)
class Collaboration:
    """One past project or consortium: who was in it, and the calls and programme parts it
    targeted (any keys, as long as ``CallQuery`` uses the same)."""

    id: str
    members: tuple[str, ...]
    calls: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallQuery:
    """One call: its wording (title, keywords, themes, opening), and its keys."""

    id: str
    text: str
    calls: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CallWeights:
    """How much each signal (``SIGNALS``, each scaled to [0, 1]) adds to the score."""

    similarity: float = 1.0
    call_partners: float = 0.0
    part_members: float = 0.0
    part_partners: float = 0.0
    popularity: float = 0.0

    def vector(self) -> NDArray[np.float64]:
        return np.asarray(astuple(self), dtype=np.float64)

    @classmethod
    def of(cls, values: Sequence[float]) -> CallWeights:
        return cls(*(float(v) for v in values))


# Learned on the H2020 topics first asked at the cut-offs of March and June 2015 and checked
# on those of later cut-offs (bench/calls/rank_calls.py): recall@50 0.100 tuned, 0.126
# held-out, against 0.070 and 0.103 for the most popular organisations.
SHIPPED_WEIGHTS = CallWeights(
    similarity=1.0, call_partners=8.0, part_members=2.0, part_partners=8.0, popularity=4.0
)
assert tuple(f.name for f in fields(CallWeights)) == SIGNALS


@dataclass(frozen=True)
class CallNetwork:
    """Who was in which collaboration, over the organisations of one match index."""

    ids: tuple[str, ...]
    # collaborations × organisations and its transpose, both binary CSR.
    members: sp.csr_matrix
    of_organisation: sp.csr_matrix
    by_call: dict[str, NDArray[np.int64]]
    by_part: dict[str, NDArray[np.int64]]
    projects: NDArray[np.float64] = field(repr=False)
    popularity: NDArray[np.float64] = field(repr=False)


def build_network(index: MatchIndex, collaborations: Sequence[Collaboration]) -> CallNetwork:
    """Index the collaborations; members the match index does not hold are left out. Give
    them oldest first: a reason names the latest project two organisations shared."""
    rows: list[int] = []
    cols: list[int] = []
    by_call: dict[str, list[int]] = defaultdict(list)
    by_part: dict[str, list[int]] = defaultdict(list)
    for row, collaboration in enumerate(collaborations):
        known = {index.position[m] for m in collaboration.members if m in index.position}
        rows.extend([row] * len(known))
        cols.extend(sorted(known))
        for key in dict.fromkeys(collaboration.calls):
            by_call[key].append(row)
        for key in dict.fromkeys(collaboration.parts):
            by_part[key].append(row)
    shape = (len(collaborations), len(index.organisations))
    members = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    projects = np.asarray(members.sum(axis=0), dtype=np.float64).ravel()
    return CallNetwork(
        ids=tuple(c.id for c in collaborations),
        members=members,
        of_organisation=sp.csr_matrix(members.T),
        by_call={k: np.asarray(v, dtype=np.int64) for k, v in by_call.items()},
        by_part={k: np.asarray(v, dtype=np.int64) for k, v in by_part.items()},
        projects=projects,
        popularity=_log_scaled(projects),
    )


def _log_scaled(counts: NDArray[np.float64]) -> NDArray[np.float64]:
    logged = np.log1p(counts)
    top = float(logged.max(initial=0.0))
    return logged / top if top > 0 else logged


def _rows_of(mapping: dict[str, NDArray[np.int64]], keys: Sequence[str]) -> NDArray[np.int64]:
    found = [mapping[k] for k in dict.fromkeys(keys) if k in mapping]
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class CallSignals:
    """Every signal of one call over all organisations, and what the reasons need."""

    matrix: NDArray[np.float64]  # one row per ``SIGNALS`` entry
    allowed: NDArray[np.bool_]
    earlier: NDArray[np.int64]  # positions in the call's past projects
    part: NDArray[np.int64]  # positions in its programme part's past projects
    context: QueryContext
    features: QueryFeatures


def call_signals(index: MatchIndex, network: CallNetwork, query: CallQuery) -> CallSignals:
    size = len(index.organisations)
    context = index.context(Query(id=query.id, text=query.text))
    features = index.features(context)
    weights = index.combiner.weights(has_ties=False, has_need=bool(query.text))
    similarity = features.combine(weights)
    top = float(similarity.max(initial=0.0))
    matrix = np.zeros((len(SIGNALS), size))
    if top > 0:
        matrix[0] = similarity / top
    binary = index.graph.binary
    earlier = _members(network, _rows_of(network.by_call, query.calls))
    part_rows = _rows_of(network.by_part, query.parts)
    part = _members(network, part_rows)
    if earlier.size:
        matrix[1] = _log_scaled(np.asarray(binary[earlier].sum(axis=0)).ravel())
    if part_rows.size:
        counts = np.asarray(network.members[part_rows].sum(axis=0)).ravel()
        matrix[2] = _log_scaled(counts)
        indicator = np.zeros(size)
        indicator[part] = 1.0
        matrix[3] = _log_scaled(binary @ indicator)
    matrix[4] = network.popularity
    allowed = np.ones(size, dtype=bool)
    for excluded in query.exclude:
        if excluded in index.position:
            allowed[index.position[excluded]] = False
    return CallSignals(matrix, allowed, earlier, part, context, features)


def _members(network: CallNetwork, rows: NDArray[np.int64]) -> NDArray[np.int64]:
    if not rows.size:
        return np.zeros(0, dtype=np.int64)
    return np.unique(network.members[rows].indices).astype(np.int64)


def top_positions(
    scores: NDArray[np.float64], allowed: NDArray[np.bool_], k: int
) -> NDArray[np.int64]:
    """The ``k`` best allowed positions with a positive score, best first (ties: position)."""
    candidates = np.flatnonzero(allowed & (scores > 0))
    if k <= 0 or not candidates.size:
        return np.zeros(0, dtype=np.int64)
    values = scores[candidates]
    if candidates.size > k:
        best = np.argpartition(-values, k - 1)[:k]
        candidates, values = candidates[best], values[best]
    return np.asarray(candidates[np.lexsort((candidates, -values))], dtype=np.int64)


def rank_for_call(
    index: MatchIndex,
    network: CallNetwork,
    query: CallQuery,
    k: int = 20,
    weights: CallWeights = SHIPPED_WEIGHTS,
) -> list[Ranked]:
    """The ``k`` organisations best suited to the call, best first, with reasons; only those
    with some evidence (a positive score)."""
    signals = call_signals(index, network, query)
    scores = weighted_sum(weights, signals.matrix)
    chosen = top_positions(scores, signals.allowed, k)
    groups = []
    if weights.call_partners or weights.part_partners:
        groups = [
            ("call", _mask(signals.earlier, len(scores))),
            ("part", _mask(signals.part, len(scores))),
        ]
    context = signals.context
    matched = index.text.matched_words(context.text, chosen.tolist()) if context.text else None
    ranked: list[Ranked] = []
    for n, position in enumerate(chosen.tolist()):
        engine = index.reasons(context, signals.features, position, matched[n] if matched else ())
        parts = [p for p in engine if p.code in ("shared_themes", "text_match", "embedding_match")]
        tie = _worked_with(index, network, groups, position)
        if tie is not None:
            parts.append(tie)
        count = int(network.projects[position])
        if count and weights.popularity:
            parts.append(ReasonPart("projects", (str(count),)))
        ranked.append(
            Ranked(index.organisations[position].id, float(scores[position]), tuple(parts))
        )
    return ranked


def weighted_sum(weights: CallWeights, matrix: NDArray[np.float64]) -> NDArray[np.float64]:
    """``weights.vector() @ matrix``, skipping zero weights, without BLAS (whose threads spin
    for a product this small on a busy machine)."""
    total = np.zeros(matrix.shape[1])
    for weight, row in zip(weights.vector().tolist(), matrix, strict=True):
        if weight:
            total += weight * row
    return total


def _mask(positions: NDArray[np.int64], size: int) -> NDArray[np.bool_]:
    mask = np.zeros(size, dtype=bool)
    mask[positions] = True
    return mask


def _worked_with(
    index: MatchIndex,
    network: CallNetwork,
    groups: list[tuple[str, NDArray[np.bool_]]],
    position: int,
) -> ReasonPart | None:
    """An organisation of the call's (else its programme part's) past projects that this one
    worked with, and the latest project they shared (if the tie is a project)."""
    partners = index.graph.neighbours(position)
    for scope, group in groups:
        known = partners[group[partners]]
        if not known.size:
            continue
        # The best-known of them: a name the reader is likeliest to recognise.
        partner = int(known[np.argmax(network.projects[known])])
        own = network.of_organisation[position].indices
        theirs = network.of_organisation[partner].indices
        shared = np.intersect1d(own, theirs, assume_unique=True)
        project = network.ids[int(shared.max())] if shared.size else ""
        return ReasonPart("worked_with", (index.organisations[partner].id, project, scope))
    return None
