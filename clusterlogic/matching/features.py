"""Pair features: for one query, one value per feature for every indexed organisation.

All features are computed as whole columns with numpy/scipy, so ranking one query among
100,000 organisations is a handful of vector operations rather than 100,000 pair look-ups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from clusterlogic.matching.graph import SparseRow, TieGraph
from clusterlogic.matching.model import Organisation
from clusterlogic.matching.propensity import partners_by_category, theme_lift

FEATURES: tuple[str, ...] = (
    "popularity",
    "recent_popularity",
    "newcomer_partners",
    "newcomers_into_country",
    "ties_into_country",
    "ties_into_kind",
    "kind_affinity",
    "country_affinity",
    "same_country",
    "same_city",
    "themes",
    "theme_overlap",
    "ties_into_themes",
    "ties_into_country_kind",
    "common_partners",
    "adamic_adar",
    "pagerank",
    "text",
    "embedding",
    "theme_affinity",
    "newcomers_into_kind",
    "newcomers_into_country_kind",
)
FEATURE_POSITION = {name: i for i, name in enumerate(FEATURES)}
_LIFT_CLIP = 2.0
# Without ties to learn from, different kinds are assumed to complement each other a little.
_DEFAULT_COMPLEMENT = 0.3


def _codes(values: Sequence[str]) -> tuple[NDArray[np.int32], tuple[str, ...]]:
    names = tuple(sorted({v for v in values if v}))
    position = {name: i for i, name in enumerate(names)}
    codes = np.fromiter((position.get(v, -1) for v in values), dtype=np.int32, count=len(values))
    return codes, names


def normalise_theme(theme: str) -> str:
    return " ".join(theme.lower().split())


@dataclass(frozen=True)
class Profiles:
    """The organisations' categorical fields as integer codes (-1: unknown) and their themes."""

    kind: NDArray[np.int32]
    kind_names: tuple[str, ...]
    country: NDArray[np.int32]
    country_names: tuple[str, ...]
    city: NDArray[np.int32]
    city_names: tuple[str, ...]
    themes: sp.csr_matrix
    theme_names: tuple[str, ...]
    theme_idf: NDArray[np.float64]
    theme_position: dict[str, int]
    # Theme-major copies (one row per theme) so that a query touches only its themes' rows.
    themes_by_theme: sp.csr_matrix
    has_theme_by_theme: sp.csr_matrix

    def theme_vector(self, themes: Sequence[str]) -> sp.csr_matrix:
        """A query's themes as a unit-length tf-idf row; unknown themes are dropped."""
        position = self.theme_position
        columns = sorted({position[t] for t in map(normalise_theme, themes) if t in position})
        values = self.theme_idf[columns] if columns else np.zeros(0)
        norm = float(np.linalg.norm(values)) or 1.0
        return sp.csr_matrix(
            (values / norm, ([0] * len(columns), columns)), shape=(1, len(self.theme_names))
        )


def build_profiles(orgs: Sequence[Organisation]) -> Profiles:
    kind, kind_names = _codes([o.kind for o in orgs])
    country, country_names = _codes([o.country.strip().upper() for o in orgs])
    city, city_names = _codes([o.city.strip().lower() for o in orgs])
    theme_lists = [sorted({normalise_theme(t) for t in o.themes if t.strip()}) for o in orgs]
    theme_names = tuple(sorted({t for themes in theme_lists for t in themes}))
    position = {name: i for i, name in enumerate(theme_names)}
    rows = [i for i, themes in enumerate(theme_lists) for _ in themes]
    cols = [position[t] for themes in theme_lists for t in themes]
    counts = Counter(cols)
    document_frequency = np.array([counts[i] for i in range(len(theme_names))], dtype=np.float64)
    theme_idf = np.log((1.0 + len(orgs)) / (1.0 + document_frequency)) + 1.0
    matrix = sp.csr_matrix(
        (theme_idf[cols] if cols else np.zeros(0), (rows, cols)),
        shape=(len(orgs), len(theme_names)),
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    themes = sp.csr_matrix(sp.diags(inverse) @ matrix)
    has_theme = themes.copy()
    has_theme.data = np.ones_like(has_theme.data)
    return Profiles(
        kind=kind,
        kind_names=kind_names,
        country=country,
        country_names=country_names,
        city=city,
        city_names=city_names,
        themes=themes,
        theme_names=theme_names,
        theme_idf=theme_idf,
        theme_position=position,
        themes_by_theme=sp.csr_matrix(themes.T),
        has_theme_by_theme=sp.csr_matrix(has_theme.T),
    )


@dataclass(frozen=True)
class Affinities:
    """What the tie graph says about categories: which kinds/countries work together.

    Per-organisation counts are stored category-major (one contiguous row per country or
    kind) because a query reads one category across all organisations.
    """

    kind_lift: NDArray[np.float64]
    country_lift: NDArray[np.float64]
    ties_into_country: NDArray[np.float32]
    ties_into_kind: NDArray[np.float32]
    newcomer_partners: NDArray[np.float32]
    newcomers_into_country: NDArray[np.float32]
    # Partners per (country, kind) and per theme: sparse, one row per organisation.
    ties_into_country_kind: sp.csc_matrix
    ties_into_themes_by_theme: sp.csr_matrix
    # Learned propensities (``propensity``): theme × theme PPMI of ties, newcomer intake by kind.
    theme_lift: sp.csr_matrix
    inverse_theme_count: NDArray[np.float64]
    newcomers_into_kind: NDArray[np.float32]
    newcomers_into_country_kind: sp.csc_matrix


def _log_lift(codes: NDArray[np.int32], size: int, graph: TieGraph) -> NDArray[np.float64]:
    """log(observed / expected) tie counts between categories, smoothed and clipped."""
    pairs = sp.triu(graph.binary, k=1).tocoo()
    a, b = codes[pairs.row], codes[pairs.col]
    known = (a >= 0) & (b >= 0)
    observed = np.zeros((size, size))
    np.add.at(observed, (a[known], b[known]), 1.0)
    observed = observed + observed.T
    total = observed.sum()
    if total == 0:
        default = np.full((size, size), _DEFAULT_COMPLEMENT)
        np.fill_diagonal(default, 0.0)
        return default
    margin = observed.sum(axis=1)
    expected = np.outer(margin, margin) / total
    lift = np.log((observed + 1.0) / (expected + 1.0))
    return np.asarray(np.clip(lift, -_LIFT_CLIP, _LIFT_CLIP), dtype=np.float64)


def _ties_into(
    codes: NDArray[np.int32], size: int, graph: TieGraph, *, newcomers: bool = False
) -> NDArray[np.float32]:
    """For each organisation, log(1 + its partners per category), scaled to at most 1."""
    known = codes >= 0
    onehot = sp.csr_matrix(
        (np.ones(int(known.sum())), (np.flatnonzero(known), codes[known])),
        shape=(len(codes), max(size, 1)),
    )
    partners = graph.newcomer_partners if newcomers else graph.binary
    counts = np.log1p(np.asarray((partners @ onehot).toarray(), dtype=np.float32))
    peak = float(counts.max()) if counts.size else 0.0
    scaled = counts / peak if peak > 0 else counts
    return np.ascontiguousarray(scaled.T)


def country_kind_codes(profiles: Profiles) -> NDArray[np.int32]:
    codes = profiles.country * len(profiles.kind_names) + profiles.kind
    return np.where((profiles.country >= 0) & (profiles.kind >= 0), codes, -1).astype(np.int32)


def build_affinities(profiles: Profiles, graph: TieGraph) -> Affinities:
    pairs = country_kind_codes(profiles)
    pair_count = len(profiles.country_names) * len(profiles.kind_names)
    has_theme = sp.csr_matrix(profiles.has_theme_by_theme.T)
    theme_count = np.asarray(has_theme.sum(axis=1), dtype=np.float64).ravel()
    return Affinities(
        ties_into_country_kind=partners_by_category(graph.binary, pairs, pair_count),
        newcomers_into_country_kind=partners_by_category(
            graph.newcomer_partners, pairs, pair_count
        ),
        theme_lift=theme_lift(has_theme, graph.binary),
        inverse_theme_count=np.divide(
            1.0, theme_count, out=np.zeros_like(theme_count), where=theme_count > 0
        ),
        newcomers_into_kind=_ties_into(
            profiles.kind, len(profiles.kind_names), graph, newcomers=True
        ),
        ties_into_themes_by_theme=sp.csr_matrix((graph.binary @ profiles.has_theme_by_theme.T).T),
        kind_lift=_log_lift(profiles.kind, len(profiles.kind_names), graph),
        country_lift=_log_lift(profiles.country, len(profiles.country_names), graph),
        ties_into_country=_ties_into(profiles.country, len(profiles.country_names), graph),
        ties_into_kind=_ties_into(profiles.kind, len(profiles.kind_names), graph),
        newcomer_partners=_scaled(
            np.log1p(np.asarray(graph.newcomer_partners.sum(axis=1)).ravel())
        ).astype(np.float32),
        newcomers_into_country=_ties_into(
            profiles.country, len(profiles.country_names), graph, newcomers=True
        ),
    )


@dataclass(frozen=True)
class QueryContext:
    """A query resolved against the index: who asks (position or None) and what is sought."""

    position: int | None
    text: str
    themes: sp.csr_matrix
    kind: int
    country: int
    city: int
    has_need: bool = False


def _scaled(values: NDArray[np.float64]) -> NDArray[np.float64]:
    peak = float(values.max()) if values.size else 0.0
    return values / peak if peak > 0 else values


def _row(product: sp.spmatrix) -> SparseRow:
    compact = sp.csr_matrix(product)
    compact.sum_duplicates()
    return SparseRow(
        np.asarray(compact.indices, dtype=np.int64), np.asarray(compact.data, dtype=np.float64)
    )


def _mapped(
    row: SparseRow, transform: Callable[[NDArray[np.float64]], NDArray[np.float64]]
) -> SparseRow:
    return SparseRow(row.indices, transform(row.values))


def dense_features(
    context: QueryContext, profiles: Profiles, graph: TieGraph, affinities: Affinities
) -> dict[str, NDArray[np.float64]]:
    """The features that are non-zero almost everywhere: popularity and the asker's categories."""
    top_degree = np.log1p(max(float(graph.degree.max(initial=0.0)), 1.0))
    found: dict[str, NDArray[np.float64]] = {
        "popularity": np.log1p(graph.degree) / top_degree,
        "recent_popularity": np.log1p(graph.recent_degree) / top_degree,
        "newcomer_partners": affinities.newcomer_partners.astype(np.float64),
    }
    if 0 <= context.country < len(profiles.country_names):
        found["newcomers_into_country"] = affinities.newcomers_into_country[context.country]
        found["ties_into_country"] = affinities.ties_into_country[context.country]
        lift = np.append(affinities.country_lift[context.country], 0.0)
        found["country_affinity"] = lift[profiles.country]  # code -1 reads the appended 0
        found["same_country"] = (profiles.country == context.country).astype(np.float64)
    if 0 <= context.kind < len(profiles.kind_names):
        found["ties_into_kind"] = affinities.ties_into_kind[context.kind]
        found["newcomers_into_kind"] = affinities.newcomers_into_kind[context.kind]
        lift = np.append(affinities.kind_lift[context.kind], 0.0)
        found["kind_affinity"] = lift[profiles.kind]
    if context.city >= 0:
        found["same_city"] = (profiles.city == context.city).astype(np.float64)
    return found


def sparse_features(
    context: QueryContext,
    profiles: Profiles,
    graph: TieGraph,
    affinities: Affinities,
    text_scores: SparseRow | None,
) -> dict[str, SparseRow]:
    """The features that are non-zero only near the query: themes, graph, text."""
    found: dict[str, SparseRow] = {}
    if context.themes.nnz:
        found["themes"] = _row(context.themes @ profiles.themes_by_theme)
        found["theme_overlap"] = _row(context.themes @ profiles.has_theme_by_theme)
        asked = context.themes.copy()
        asked.data = np.ones_like(asked.data)
        found["ties_into_themes"] = _mapped(
            _row(asked @ affinities.ties_into_themes_by_theme), lambda v: _scaled(np.log1p(v))
        )
        lifted = _row(asked @ affinities.theme_lift)
        if lifted.indices.size:
            # Mean lift over the candidate's themes: a broad profile is no better by breadth.
            reach = _row(
                sp.csr_matrix(
                    (lifted.values, (np.zeros_like(lifted.indices), lifted.indices)),
                    shape=(1, len(profiles.theme_names)),
                )
                @ profiles.has_theme_by_theme
            )
            found["theme_affinity"] = SparseRow(
                reach.indices,
                _scaled(reach.values * affinities.inverse_theme_count[reach.indices]),
            )
    if 0 <= context.country < len(profiles.country_names) and 0 <= context.kind < len(
        profiles.kind_names
    ):
        pair = context.country * len(profiles.kind_names) + context.kind
        for name, matrix in (
            ("ties_into_country_kind", affinities.ties_into_country_kind),
            ("newcomers_into_country_kind", affinities.newcomers_into_country_kind),
        ):
            start, end = matrix.indptr[pair], matrix.indptr[pair + 1]
            found[name] = SparseRow(
                np.asarray(matrix.indices[start:end], dtype=np.int64),
                _scaled(np.log1p(np.asarray(matrix.data[start:end], dtype=np.float64))),
            )
    if context.position is not None and graph.degree[context.position] > 0:
        found["common_partners"] = _mapped(graph.common_partners(context.position), np.log1p)
        found["adamic_adar"] = _mapped(graph.adamic_adar(context.position), np.log1p)
        walk = graph.personalised_pagerank(context.position)
        values = np.where(walk.indices == context.position, 0.0, walk.values)
        found["pagerank"] = SparseRow(walk.indices, _scaled(values))
    if text_scores is not None:
        found["text"] = _mapped(text_scores, _scaled)
    return found


@dataclass(frozen=True)
class QueryFeatures:
    """All features of one query: dense columns and sparse rows (see ``FEATURES``)."""

    size: int
    dense: dict[str, NDArray[np.float64]]
    sparse: dict[str, SparseRow]

    def matrix(self) -> NDArray[np.float32]:
        """One row per feature of ``FEATURES``, one column per indexed organisation."""
        columns = np.zeros((len(FEATURES), self.size), dtype=np.float32)
        for name, values in self.dense.items():
            columns[FEATURE_POSITION[name]] = values
        for name, row in self.sparse.items():
            columns[FEATURE_POSITION[name], row.indices] = row.values
        return columns

    def column(self, name: str) -> NDArray[np.float64]:
        if name in self.dense:
            return self.dense[name]
        row = self.sparse.get(name)
        return np.zeros(self.size) if row is None else row.dense(self.size)

    def combine(self, weights: NDArray[np.float32]) -> NDArray[np.float64]:
        """``weights @ matrix()`` without building the matrix: sparse rows add only where set."""
        total = np.zeros(self.size)
        for name, values in self.dense.items():
            weight = float(weights[FEATURE_POSITION[name]])
            if weight:
                total += weight * values
        for name, row in self.sparse.items():
            weight = float(weights[FEATURE_POSITION[name]])
            if weight:
                total[row.indices] += weight * row.values  # indices are unique
        return total
