"""Reads for the partner pages: suggestions for an organisation or for a free-text need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
from django.core.cache import cache
from django.db.models import Prefetch

from clusterhub.accounts.roles import Viewer
from clusterhub.directory.models import Membership, Organisation
from clusterhub.partners import index_store, vectors
from clusterhub.partners.engine_input import ENGINE_KIND, engine_id, registry_version
from clusterhub.partners.models import SuggestionFeedback
from clusterhub.partners.reasons import ReasonWords, describe_all
from clusterhub.partners.tasks import catch_up_partner_index
from clusterhub.projects.models import Project
from clusterhub.taxonomy.models import Theme
from clusterlogic.matching import MatchIndex, Query, Ranked, UnknownOrganisation

DEFAULT_LIMIT = 10
# Filters are applied to the engine's ranking afterwards, so it is asked for more than shown.
_CANDIDATES_UNFILTERED = 50
_CANDIDATES_FILTERED = 300
# On PostgreSQL a free-text need first fetches this many profiles through the HNSW index,
# and this many more by sentence embedding (where installed).
_TEXT_CANDIDATES = 300
_EMBEDDING_CANDIDATES = 300
# A missing or stale index is rebuilt in the background; ask for that at most this often.
_REBUILD_REQUEST_INTERVAL_S = 300.0
_REBUILD_REQUESTED_KEY = "partners:rebuild-requested"


@dataclass(frozen=True)
class SuggestionFilter:
    cluster_id: int | None = None
    kind: str = ""
    city: str = ""

    @property
    def is_empty(self) -> bool:
        return self.cluster_id is None and not self.kind and not self.city


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    reasons: tuple[str, ...]
    cross_cluster: bool
    marked_useful: bool


@dataclass(frozen=True)
class Suggestions:
    items: tuple[Suggestion, ...]
    index_ready: bool
    built_at: datetime | None = None


@dataclass(frozen=True)
class FeedbackState:
    useful: frozenset[int]
    not_useful: frozenset[int]


def feedback_for(organisation: Organisation) -> FeedbackState:
    """The latest answer per suggested partner decides."""
    latest: dict[int, bool] = {}
    rows = SuggestionFeedback.objects.filter(organisation=organisation).order_by(
        "answered_at", "id"
    )
    for suggested_id, useful in rows.values_list("suggested_id", "useful"):
        latest[suggested_id] = useful
    return FeedbackState(
        useful=frozenset(pk for pk, useful in latest.items() if useful),
        not_useful=frozenset(pk for pk, useful in latest.items() if not useful),
    )


def _engine_kinds(filters: SuggestionFilter) -> frozenset[str] | None:
    """Narrow the engine to the coarse kind; the exact kind is filtered afterwards."""
    return frozenset({ENGINE_KIND.get(filters.kind, "other")}) if filters.kind else None


def _request_catch_up() -> None:
    # ``cache.add`` stores the marker only where none is: the one process (of all that share the
    # cache) that stored it asks for the build; the others wait for its result.
    if cache.add(_REBUILD_REQUESTED_KEY, True, timeout=_REBUILD_REQUEST_INTERVAL_S):
        catch_up_partner_index.enqueue()


def _current_index() -> index_store.StoredIndex | None:
    stored = index_store.load()
    if stored is None or stored.source_version != registry_version():
        _request_catch_up()
        stored = index_store.load() or stored
    return stored


def _active_clusters(organisation: Organisation) -> set[int]:
    return {m.cluster_id for m in organisation.active_memberships}  # type: ignore[attr-defined]


def _hydrate(ids: Iterable[int]) -> dict[int, Organisation]:
    active = Prefetch(
        "memberships",
        queryset=Membership.objects.filter(ended_on__isnull=True),
        to_attr="active_memberships",
    )
    return {o.pk: o for o in Organisation.objects.filter(pk__in=list(ids)).prefetch_related(active)}


def _passes(organisation: Organisation, filters: SuggestionFilter) -> bool:
    if filters.kind and organisation.kind != filters.kind:
        return False
    if filters.city and filters.city.casefold() not in organisation.city.casefold():
        return False
    return filters.cluster_id is None or filters.cluster_id in _active_clusters(organisation)


def _reason_words(
    ranked: list[Ranked], asker: Organisation | None, candidates: dict[int, Organisation]
) -> dict[int, ReasonWords]:
    partner_ids = {
        v for r in ranked for p in r.reasons if p.code == "common_partners" for v in p.values
    }
    worked_with = [p.values for r in ranked for p in r.reasons if p.code == "worked_with"]
    partner_ids |= {values[0] for values in worked_with}
    project_ids = [int(values[1]) for values in worked_with if values[1].isdigit()]
    projects = {str(pk): str(p) for pk, p in Project.objects.in_bulk(project_ids).items()}
    names = {
        engine_id(pk): name
        for pk, name in Organisation.objects.filter(
            pk__in=[int(v) for v in partner_ids if v.isdigit()]
        ).values_list("pk", "name")
    }
    slugs = {v for r in ranked for p in r.reasons if p.code == "shared_themes" for v in p.values}
    labels = {theme.slug: theme.label for theme in Theme.objects.filter(slug__in=slugs)}
    asker_kind = asker.get_kind_display() if asker else ""
    return {
        pk: ReasonWords(names, labels, asker_kind, candidate.get_kind_display(), projects)
        for pk, candidate in candidates.items()
    }


def _embedding_candidates(index: MatchIndex, text: str, limit: int) -> set[str]:
    """Ids of the ``limit`` profiles whose sentence embedding is nearest to ``text``; none
    where the index was built without an encoder (the ``embeddings`` extra is absent)."""
    if index.embeddings is None or index.encoder is None or limit <= 0:
        return set()
    similarity = index.embeddings @ index.encoder.encode([text])[0]
    if similarity.size > limit:
        nearest = np.argpartition(-similarity, limit - 1)[:limit]
    else:
        nearest = np.arange(similarity.size)
    return {index.organisations[int(i)].id for i in nearest}


def _restricted_to_text_candidates(stored: index_store.StoredIndex, query: Query) -> Query:
    """On PostgreSQL the shared vector index brings the candidates; the engine re-ranks them.

    The stored vectors are LSA of the words, so a profile that says the same in other words
    comes in through the engine's sentence embeddings (where installed) as well."""
    candidates = vectors.text_candidates(stored.lsa, query.text, _TEXT_CANDIDATES)
    if not candidates:
        return query
    kept = {engine_id(pk) for pk in candidates}
    kept |= _embedding_candidates(stored.index, query.text, _EMBEDDING_CANDIDATES)
    others = frozenset(i for i in stored.index.position if i not in kept)
    return replace(query, exclude=query.exclude | others)


def current_index() -> index_store.StoredIndex | None:
    """The stored index (its rebuild asked for where it is behind the registry)."""
    return _current_index()


def ranked_suggestions(
    stored: index_store.StoredIndex, ranked: list[Ranked], reference_clusters: set[int]
) -> Suggestions:
    """Suggestions for a ranking made elsewhere (``clusterlogic.calls``), in its order, with
    its reasons worded; cross-cluster is relative to ``reference_clusters``."""
    candidates = _hydrate([int(r.id) for r in ranked])
    words = _reason_words(ranked, None, candidates)
    items = tuple(
        Suggestion(
            organisation=candidates[int(r.id)],
            reasons=tuple(describe_all(r.reasons, words[int(r.id)])),
            cross_cluster=bool(reference_clusters)
            and not (_active_clusters(candidates[int(r.id)]) & reference_clusters),
            marked_useful=False,
        )
        for r in ranked
        if int(r.id) in candidates
    )
    return Suggestions(items=items, index_ready=True, built_at=stored.built_at)


def _suggest(
    query: Query,
    filters: SuggestionFilter,
    limit: int,
    *,
    asker: Organisation | None,
    reference_clusters: set[int],
    feedback: FeedbackState,
) -> Suggestions:
    stored = _current_index()
    if stored is None:
        return Suggestions(items=(), index_ready=False)
    if query.text and query.org is None:
        query = _restricted_to_text_candidates(stored, query)
    k = _CANDIDATES_UNFILTERED if filters.is_empty else _CANDIDATES_FILTERED
    try:
        ranked = stored.index.rank(query, k=max(k, limit))
    except UnknownOrganisation:
        # An organisation newer than the stored index (its rebuild is asked for above): the
        # panel says the suggestions are being prepared, as before the first build.
        return Suggestions(items=(), index_ready=False)
    ranked_ids = [int(r.id) for r in ranked]
    kept_useful = [pk for pk in sorted(feedback.useful) if pk not in ranked_ids]
    candidates = _hydrate([*ranked_ids, *kept_useful])
    words = _reason_words(ranked, asker, candidates)
    reasons_of = {int(r.id): r.reasons for r in ranked}
    # Partners marked useful come first, in ranking order; then the rest.
    order = [pk for pk in ranked_ids if pk in feedback.useful] + kept_useful
    order += [pk for pk in ranked_ids if pk not in feedback.useful]
    items: list[Suggestion] = []
    for pk in order:
        candidate = candidates.get(pk)
        if candidate is None or pk in feedback.not_useful or not _passes(candidate, filters):
            continue
        if asker is not None and pk == asker.pk:
            continue
        items.append(
            Suggestion(
                organisation=candidate,
                reasons=tuple(describe_all(reasons_of.get(pk, ()), words[pk])),
                cross_cluster=bool(reference_clusters)
                and not (_active_clusters(candidate) & reference_clusters),
                marked_useful=pk in feedback.useful,
            )
        )
        if len(items) == limit:
            break
    return Suggestions(items=tuple(items), index_ready=True, built_at=stored.built_at)


def partner_suggestions(
    viewer: Viewer,
    organisation: Organisation,
    filters: SuggestionFilter,
    limit: int = DEFAULT_LIMIT,
) -> Suggestions:
    """Who ``organisation`` should meet; cross-cluster means: in none of the organisation's
    clusters nor of the viewer's."""
    feedback = feedback_for(organisation)
    own = set(
        Membership.objects.filter(organisation=organisation, ended_on__isnull=True).values_list(
            "cluster_id", flat=True
        )
    )
    query = Query(
        id=f"organisation-{organisation.pk}",
        org=engine_id(organisation.pk),
        kinds=_engine_kinds(filters),
        exclude=frozenset(engine_id(pk) for pk in feedback.not_useful),
    )
    return _suggest(
        query,
        filters,
        limit,
        asker=organisation,
        reference_clusters=own | set(viewer.managed_cluster_ids),
        feedback=feedback,
    )


def need_suggestions(
    viewer: Viewer, need: str, filters: SuggestionFilter, limit: int = DEFAULT_LIMIT
) -> Suggestions:
    """Who can help with a need typed in free text; cross-cluster is relative to the viewer."""
    if not need.strip():
        return Suggestions(items=(), index_ready=index_store.load() is not None)
    query = Query(
        id="need",
        text=need,
        kinds=_engine_kinds(filters),
    )
    return _suggest(
        query,
        filters,
        limit,
        asker=None,
        reference_clusters=set(viewer.managed_cluster_ids),
        feedback=FeedbackState(frozenset(), frozenset()),
    )
