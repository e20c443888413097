"""Past collaborations as a graph: common partners, Adamic–Adar and a personalised PageRank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

# Ties of the last years say more about who is active now than ties of long ago.
RECENT_YEARS = 1
_RESTART = 0.5
_WALK_STEPS = 3


@dataclass(frozen=True)
class IndexedTie:
    """A tie between two organisations given by their positions in the index."""

    a: int
    b: int
    weight: float
    year: int | None


@dataclass(frozen=True)
class TieGraph:
    """Symmetric tie graph over the indexed organisations (sparse, read-only)."""

    binary: sp.csr_matrix
    adamic_adar_weighted: sp.csr_matrix
    transition: sp.csr_matrix
    degree: NDArray[np.float64]
    recent_degree: NDArray[np.float64]
    # Partners met in their first year of ties: who takes newcomers into projects.
    newcomer_partners: sp.csr_matrix

    @property
    def size(self) -> int:
        return int(self.binary.shape[0])

    def neighbours(self, node: int) -> NDArray[np.int32]:
        start, end = self.binary.indptr[node], self.binary.indptr[node + 1]
        return np.asarray(self.binary.indices[start:end], dtype=np.int32)

    def common_partners(self, node: int) -> SparseRow:
        """For every organisation, the number of partners it shares with ``node``."""
        return _sparse_row(self.binary[node] @ self.binary)

    def adamic_adar(self, node: int) -> SparseRow:
        """Common partners, each weighted by 1 / log(its number of partners)."""
        return _sparse_row(self.adamic_adar_weighted[node] @ self.binary)

    def personalised_pagerank(self, node: int) -> SparseRow:
        """Where a walk from ``node`` that restarts there ends after a few steps (truncated PPR)."""
        start = sp.csr_matrix(([1.0], ([0], [node])), shape=(1, self.size))
        mass = start
        total = start * _RESTART
        for _ in range(_WALK_STEPS):
            mass = (mass @ self.transition) * (1.0 - _RESTART)
            total = total + mass * _RESTART
        return _sparse_row(total)

    def partners_in_common(self, first: int, second: int) -> NDArray[np.int32]:
        return np.intersect1d(self.neighbours(first), self.neighbours(second))


@dataclass(frozen=True)
class SparseRow:
    """Values at some positions of a row; zero elsewhere."""

    indices: NDArray[np.int64]
    values: NDArray[np.float64]

    def dense(self, size: int) -> NDArray[np.float64]:
        row = np.zeros(size)
        row[self.indices] = self.values
        return row


def _sparse_row(row: sp.spmatrix) -> SparseRow:
    compact = sp.csr_matrix(row)
    compact.sum_duplicates()
    return SparseRow(
        np.asarray(compact.indices, dtype=np.int64), np.asarray(compact.data, dtype=np.float64)
    )


def build_graph(size: int, ties: Sequence[IndexedTie]) -> TieGraph:
    """Build the graph; repeated ties between the same two organisations add up their weights."""
    first = np.fromiter((t.a for t in ties), dtype=np.int64, count=len(ties))
    second = np.fromiter((t.b for t in ties), dtype=np.int64, count=len(ties))
    weight = np.fromiter((t.weight for t in ties), dtype=np.float64, count=len(ties))
    years = [t.year for t in ties if t.year is not None]
    recent_from = max(years) - RECENT_YEARS + 1 if years else None
    recent = np.fromiter(
        (recent_from is not None and t.year is not None and t.year >= recent_from for t in ties),
        dtype=bool,
        count=len(ties),
    )
    rows = np.concatenate([first, second])
    cols = np.concatenate([second, first])
    weighted = sp.csr_matrix((np.concatenate([weight, weight]), (rows, cols)), shape=(size, size))
    weighted.sum_duplicates()
    weighted.setdiag(0)
    weighted.eliminate_zeros()
    binary = weighted.copy()
    binary.data = np.ones_like(binary.data)
    degree = np.asarray(binary.sum(axis=1), dtype=np.float64).ravel()
    recent_pairs = sp.csr_matrix(
        (np.ones(2 * int(recent.sum())), (rows[np.tile(recent, 2)], cols[np.tile(recent, 2)])),
        shape=(size, size),
    )
    recent_pairs.sum_duplicates()
    recent_pairs.setdiag(0)
    recent_pairs.eliminate_zeros()
    recent_degree = np.asarray((recent_pairs > 0).sum(axis=1), dtype=np.float64).ravel()
    first_year: dict[int, int] = {}
    for tie in ties:
        if tie.year is not None:
            for node in (tie.a, tie.b):
                first_year[node] = min(first_year.get(node, tie.year), tie.year)
    met_as_newcomer = [
        (host, guest)
        for tie in ties
        if tie.year is not None
        for host, guest in ((tie.a, tie.b), (tie.b, tie.a))
        if first_year[guest] == tie.year
    ]
    newcomer_partners = sp.csr_matrix(
        (
            np.ones(len(met_as_newcomer)),
            ([h for h, _ in met_as_newcomer], [g for _, g in met_as_newcomer]),
        ),
        shape=(size, size),
    )
    newcomer_partners.sum_duplicates()
    newcomer_partners.data = np.ones_like(newcomer_partners.data)
    # Partners with a single partner add nothing to Adamic–Adar (log 1 = 0): weight 1/log 2 cap.
    inverse_log = 1.0 / np.log(np.maximum(degree, 2.0))
    adamic_adar_weighted = sp.csr_matrix(binary @ sp.diags(inverse_log))
    strength = np.asarray(weighted.sum(axis=1), dtype=np.float64).ravel()
    inverse_strength = np.divide(1.0, strength, out=np.zeros_like(strength), where=strength > 0)
    transition = sp.csr_matrix(sp.diags(inverse_strength) @ weighted)
    return TieGraph(
        binary=sp.csr_matrix(binary),
        adamic_adar_weighted=adamic_adar_weighted,
        transition=transition,
        degree=degree,
        recent_degree=recent_degree,
        newcomer_partners=newcomer_partners,
    )
