"""The match index: built once from profiles and ties, then asked for partners per query."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from clusterlogic.matching.combiner import Combiner, shipped_combiner
from clusterlogic.matching.encoders import TextEncoder
from clusterlogic.matching.features import (
    Affinities,
    Profiles,
    QueryContext,
    QueryFeatures,
    build_affinities,
    build_profiles,
    dense_features,
    normalise_theme,
    sparse_features,
)
from clusterlogic.matching.graph import IndexedTie, TieGraph, build_graph
from clusterlogic.matching.model import Organisation, Query, Ranked, ReasonPart, Tie
from clusterlogic.matching.ranker import (
    Ranker,
    candidate_pool,
    ranker_inputs,
    shipped_ranker,
    unseen_addition,
)
from clusterlogic.matching.text import TextIndex, build_text_index

METHODS: tuple[str, ...] = ("combined", "popular", "adamic-adar", "themes", "text")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Baselines break ties between equal scores by popularity, the strongest prior there is.
_TIE_BREAK = 1e-6
# The embedding feature is how far a profile's similarity stands above the query's mean over
# all profiles, in standard deviations, reaching 1 at this many. Raw cosines differ by model
# (static WordLlama vectors give a paraphrase 0.2-0.5, unrelated German texts up to 0.3), and
# like BM25 (scaled to its best hit) the feature must span [0, 1] to weigh against the others.
_EMBEDDING_FULL_SPREADS = 3.0
# It is named as a reason from 1.5 standard deviations up, or where the cosine itself is high
# (several close matches in a small index keep each other from standing out).
_EMBEDDING_REASON = 1.5 / _EMBEDDING_FULL_SPREADS
_EMBEDDING_REASON_COSINE = 0.5
_MAX_COMMON_SHOWN = 3


@dataclass(frozen=True)
class _Specificity:
    """Per partner position and per theme: how many suggestions of a query share it."""

    partners: Counter[int]
    themes: Counter[str]


def profile_text(organisation: Organisation) -> str:
    """The text that describes an organisation to the text rankers: its name and profile."""
    return " ".join(part for part in (organisation.name, organisation.text) if part)


class UnknownOrganisation(KeyError):
    """A query names an organisation that the index does not hold."""


@dataclass(frozen=True)
class MatchIndex:
    """Everything needed to rank partners; read-only, safe to share between threads."""

    organisations: tuple[Organisation, ...]
    position: dict[str, int]
    profiles: Profiles
    graph: TieGraph
    affinities: Affinities
    text: TextIndex
    embeddings: NDArray[np.float32] | None
    encoder: TextEncoder | None
    combiner: Combiner
    theme_phrases: tuple[str, ...]
    # Second stage for an organisation's own suggestions (no stated need); None: linear only.
    ranker: Ranker | None = None

    def context(self, query: Query) -> QueryContext:
        position: int | None = None
        themes: list[str] = []
        if query.org is not None:
            if query.org not in self.position:
                raise UnknownOrganisation(query.org)
            position = self.position[query.org]
            themes.extend(self.organisations[position].themes)
        if query.text:
            spaced = " " + " ".join(_WORD.findall(query.text.lower())) + " "
            themes.extend(
                name
                for name, phrase in zip(self.profiles.theme_names, self.theme_phrases, strict=True)
                if phrase in spaced
            )
        return QueryContext(
            position=position,
            text=self._query_text(query, position),
            themes=self.profiles.theme_vector(themes),
            kind=-1 if position is None else int(self.profiles.kind[position]),
            country=-1 if position is None else int(self.profiles.country[position]),
            city=-1 if position is None else int(self.profiles.city[position]),
            has_need=bool(query.text),
        )

    def _query_text(self, query: Query, position: int | None) -> str:
        if query.text:
            return query.text
        return "" if position is None else self.organisations[position].text

    def features(self, context: QueryContext) -> QueryFeatures:
        """Every feature of one query (see ``features.FEATURES``)."""
        return self._features(context, self._embedding_vector(context))

    def _embedding_vector(self, context: QueryContext) -> NDArray[np.float32] | None:
        """The stated need's sentence embedding; None without an encoder or a need.

        Only for needs: organisation-to-organisation ranking goes through the ranker, which
        never saw an embedding (CORDIS has no profile texts), so its weight there would be a
        guess; measured on CORDIS, profile (name) embeddings lowered recall@50 from 0.1078 to
        0.1049. For a need, embeddings join BM25 in the linear score."""
        if self.embeddings is None or self.encoder is None or not context.has_need:
            return None
        return np.asarray(self.encoder.encode([context.text])[0], dtype=np.float32)

    def _features(self, context: QueryContext, vector: NDArray[np.float32] | None) -> QueryFeatures:
        dense = dense_features(context, self.profiles, self.graph, self.affinities)
        if self.embeddings is not None and vector is not None:
            dense["embedding"] = standing_out(self.embeddings @ vector)
        text_scores = self.text.scores(context.text) if context.text else None
        sparse = sparse_features(context, self.profiles, self.graph, self.affinities, text_scores)
        return QueryFeatures(len(self.organisations), dense, sparse)

    def feature_matrix(self, context: QueryContext) -> NDArray[np.float32]:
        """One row per feature, one column per organisation: for training and checks."""
        return self.features(context).matrix()

    def scores(self, query: Query, method: str = "combined") -> NDArray[np.float64]:
        """The score of every organisation for ``query`` (before filters).

        For ``combined`` this is the linear score; ``rank`` lets the ranker (if any) re-order
        the pool that this score and the single signals nominate."""
        context = self.context(query)
        return self._scores(context, self.features(context), method)

    def _scores(
        self, context: QueryContext, features: QueryFeatures, method: str
    ) -> NDArray[np.float64]:
        popularity = features.column("popularity")
        if method == "combined":
            has_ties = context.position is not None and self.graph.degree[context.position] > 0
            weights = self.combiner.weights(has_ties=has_ties, has_need=context.has_need)
            return features.combine(weights)
        if method == "popular":
            return popularity
        single = {"adamic-adar": "adamic_adar", "themes": "themes", "text": "text"}.get(method)
        if single is None:
            raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
        return features.column(single) + _TIE_BREAK * popularity

    def allowed(self, query: Query) -> NDArray[np.bool_]:
        """Who may be suggested: never the asker, never an excluded id, only the kinds asked."""
        allowed = np.ones(len(self.organisations), dtype=bool)
        if query.org is not None and query.org in self.position:
            allowed[self.position[query.org]] = False
        for excluded in query.exclude:
            if excluded in self.position:
                allowed[self.position[excluded]] = False
        if query.kinds is not None:
            codes = [i for i, name in enumerate(self.profiles.kind_names) if name in query.kinds]
            allowed &= np.isin(self.profiles.kind, codes)
        return allowed

    def rank(self, query: Query, k: int = 20, method: str = "combined") -> list[Ranked]:
        """The best ``k`` partners for ``query``, best first, each with its reason parts."""
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
        context = self.context(query)
        vector = self._embedding_vector(context)
        features = self._features(context, vector)
        scores = self._scores(context, features, method)
        allowed = self.allowed(query)
        if method == "combined" and self.ranker is not None and not context.has_need:
            candidates, candidate_scores = self._reranked(context, features, scores, allowed)
        else:
            candidates = np.flatnonzero(allowed)
            candidate_scores = scores[candidates]
        if k <= 0 or candidates.size == 0:
            return []
        if candidates.size > k:
            top = np.argpartition(-candidate_scores, k - 1)[:k]
            candidates, candidate_scores = candidates[top], candidate_scores[top]
        order = np.lexsort((candidates, -candidate_scores))
        chosen = [int(candidates[i]) for i in order]
        if method != "combined":
            return [
                Ranked(id=self.organisations[c].id, score=float(candidate_scores[i]))
                for i, c in zip(order, chosen, strict=True)
            ]
        words = self.text.matched_words(context.text, chosen) if context.text else None
        specific = self._specificity(context, chosen)
        cosines = None
        if self.embeddings is not None and vector is not None:
            cosines = self.embeddings[chosen] @ vector
        return [
            Ranked(
                id=self.organisations[c].id,
                score=float(candidate_scores[i]),
                reasons=self.reasons(
                    context,
                    features,
                    c,
                    words[n] if words else (),
                    None if cosines is None else float(cosines[n]),
                    specific,
                ),
            )
            for n, (i, c) in enumerate(zip(order, chosen, strict=True))
        ]

    def _reranked(
        self,
        context: QueryContext,
        features: QueryFeatures,
        linear: NDArray[np.float64],
        allowed: NDArray[np.bool_],
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The candidate pool and the ranker's score of each member, in (0, 1)."""
        assert self.ranker is not None
        members, inputs = self.ranker_pool(context, features, linear, allowed)
        has_ties = context.position is not None and self.graph.degree[context.position] > 0
        weights = self.combiner.weights(has_ties=has_ties, has_need=context.has_need)
        raw = self.ranker.raw_scores(inputs) + unseen_addition(self.ranker, inputs, weights)
        return members, 1.0 / (1.0 + np.exp(-raw))

    def ranker_pool(
        self,
        context: QueryContext,
        features: QueryFeatures,
        linear: NDArray[np.float64],
        allowed: NDArray[np.bool_],
    ) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The pool the ranker scores and its inputs (``ranker.INPUTS``), one row a member.

        ``linear`` is the linear combined score (``scores(query)``); training reads the same."""
        members = candidate_pool(features, linear, allowed)
        return members, ranker_inputs(features, members, *self.asker_inputs(context))

    def asker_inputs(self, context: QueryContext) -> tuple[float, float]:
        """What the ranker knows of the asker itself: its ties and its number of themes."""
        degree = 0.0 if context.position is None else float(self.graph.degree[context.position])
        top = np.log1p(max(float(self.graph.degree.max(initial=0.0)), 1.0))
        return float(np.log1p(degree) / top), float(np.log1p(context.themes.nnz))

    def reasons(
        self,
        context: QueryContext,
        features: QueryFeatures,
        candidate: int,
        matched_words: tuple[str, ...] = (),
        embedding_cosine: float | None = None,
        specific: _Specificity | None = None,
    ) -> tuple[ReasonPart, ...]:
        """The checkable reasons why ``candidate`` suits the query, strongest kinds first.

        ``embedding_cosine``: the raw cosine of query and candidate, where known.
        ``specific``: how many of the other suggestions share each partner and theme; what
        is specific to this one is named first (not the hubs that every suggestion shares)."""
        partner = self.organisations[candidate]
        parts: list[ReasonPart] = []
        sought = {self.profiles.theme_names[i] for i in context.themes.indices}
        shared = tuple(t for t in partner.themes if normalise_theme(t) in sought)
        if specific is not None:
            shared = tuple(sorted(shared, key=lambda t: specific.themes.get(normalise_theme(t), 0)))
        if shared:
            parts.append(ReasonPart("shared_themes", tuple(dict.fromkeys(shared))))
        if matched_words:
            parts.append(ReasonPart("text_match", matched_words))
        embedding = features.dense.get("embedding")
        high_cosine = embedding_cosine is not None and embedding_cosine >= _EMBEDDING_REASON_COSINE
        if embedding is not None and (embedding[candidate] >= _EMBEDDING_REASON or high_cosine):
            parts.append(ReasonPart("embedding_match"))
        if context.position is not None:
            common = self.graph.partners_in_common(context.position, candidate)
            if common.size:
                best = common[np.argsort(-self.graph.degree[common], kind="stable")]
                if specific is not None:
                    shares = specific.partners
                    best = np.asarray(
                        sorted(best.tolist(), key=lambda p: shares.get(int(p), 0)), dtype=np.int64
                    )
                shown = tuple(self.organisations[int(i)].id for i in best[:_MAX_COMMON_SHOWN])
                parts.append(ReasonPart("common_partners", shown))
            parts.extend(self._profile_reasons(context, candidate))
        if not parts:
            parts.append(ReasonPart("popular", (str(int(self.graph.degree[candidate])),)))
        return tuple(parts)

    def _specificity(self, context: QueryContext, chosen: Sequence[int]) -> _Specificity:
        """Over the suggestions of one query: how many share each partner in common with the
        asker, and each theme it asked for."""
        partners: Counter[int] = Counter()
        if context.position is not None:
            for candidate in chosen:
                common = self.graph.partners_in_common(context.position, candidate)
                partners.update(int(p) for p in common)
        themes: Counter[str] = Counter()
        for candidate in chosen:
            themes.update({normalise_theme(t) for t in self.organisations[candidate].themes})
        return _Specificity(partners, themes)

    def _profile_reasons(self, context: QueryContext, candidate: int) -> list[ReasonPart]:
        parts: list[ReasonPart] = []
        kind = int(self.profiles.kind[candidate])
        complementary = context.kind >= 0 and kind >= 0 and kind != context.kind
        if complementary and self.affinities.kind_lift[context.kind, kind] > 0:
            names = self.profiles.kind_names
            parts.append(ReasonPart("complementary_kinds", (names[context.kind], names[kind])))
        if context.city >= 0 and int(self.profiles.city[candidate]) == context.city:
            parts.append(ReasonPart("same_city", (self.organisations[candidate].city.strip(),)))
        elif context.country >= 0 and int(self.profiles.country[candidate]) == context.country:
            parts.append(
                ReasonPart("same_country", (self.profiles.country_names[context.country],))
            )
        return parts


def standing_out(similarity: NDArray[np.float32]) -> NDArray[np.float64]:
    """Each similarity's distance above the mean of all, in ``_EMBEDDING_FULL_SPREADS``
    standard deviations, clipped to [0, 1]; all zero where the similarities do not vary."""
    values = similarity.astype(np.float64)
    spread = float(values.std()) if values.size else 0.0
    if spread <= 0.0:
        return np.zeros(values.size)
    scaled = (values - float(values.mean())) / (_EMBEDDING_FULL_SPREADS * spread)
    return np.clip(scaled, 0.0, 1.0)


def build_index(
    organisations: Sequence[Organisation],
    ties: Sequence[Tie] = (),
    *,
    encoder: TextEncoder | None = None,
    combiner: Combiner | None = None,
    ranker: Ranker | None = None,
) -> MatchIndex:
    """Index the organisations (ids must be unique) and their ties.

    Ties naming an unknown organisation, or the same one twice, are left out. ``combiner``
    defaults to the shipped learned weights; ``encoder`` adds the optional embedding signal.
    ``ranker`` re-ranks an organisation's suggestions; it defaults to the shipped model only
    when ``combiner`` is left to default too (explicit weights mean a purely linear score).
    """
    orgs = tuple(organisations)
    position: dict[str, int] = {}
    for i, org in enumerate(orgs):
        if org.id in position:
            raise ValueError(f"duplicate organisation id {org.id!r}")
        position[org.id] = i
    indexed = [
        IndexedTie(position[t.a], position[t.b], t.weight, t.year)
        for t in ties
        if t.a in position and t.b in position and t.a != t.b
    ]
    profiles = build_profiles(orgs)
    graph = build_graph(len(orgs), indexed)
    texts = [profile_text(o) for o in orgs]
    embeddings = encoder.encode(texts) if encoder is not None else None
    return MatchIndex(
        organisations=orgs,
        position=position,
        profiles=profiles,
        graph=graph,
        affinities=build_affinities(profiles, graph),
        text=build_text_index(texts),
        embeddings=None if embeddings is None else np.asarray(embeddings, dtype=np.float32),
        encoder=encoder,
        combiner=combiner if combiner is not None else shipped_combiner(),
        ranker=ranker if ranker is not None or combiner is not None else shipped_ranker(),
        theme_phrases=tuple(
            " " + " ".join(_WORD.findall(name)) + " " for name in profiles.theme_names
        ),
    )
