"""Invariants of every ranking: never the asker, never an excluded id, sorted, at most k."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlogic.matching import KINDS, METHODS, Organisation, Query, Tie, build_index

_IDS = [f"o{i}" for i in range(12)]
_WORDS = ["Wasserstoff", "Brenner", "recycling", "waste", "KI", "Sensoren", "Glas", "Energie"]

organisations = st.lists(
    st.builds(
        Organisation,
        id=st.sampled_from(_IDS),
        kind=st.sampled_from(("", *KINDS)),
        country=st.sampled_from(("", "DE", "FR")),
        city=st.sampled_from(("", "Mannheim", "Lyon")),
        text=st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join),
        themes=st.lists(st.sampled_from(("KI", "hydrogen", "Energie")), max_size=2).map(tuple),
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda o: o.id,
)
ties = st.lists(
    st.builds(
        Tie,
        a=st.sampled_from(_IDS),
        b=st.sampled_from(_IDS),
        weight=st.floats(0.5, 3),
        year=st.one_of(st.none(), st.integers(2015, 2020)),
    ),
    max_size=25,
)
queries = st.builds(
    Query,
    id=st.just("q"),
    org=st.one_of(st.none(), st.sampled_from(_IDS)),
    text=st.lists(st.sampled_from(_WORDS), max_size=3).map(" ".join),
    kinds=st.one_of(st.none(), st.frozensets(st.sampled_from(KINDS), min_size=1)),
    exclude=st.frozensets(st.sampled_from(_IDS), max_size=4),
)


@settings(max_examples=60, deadline=None)
@given(organisations, ties, queries, st.integers(0, 15), st.sampled_from(METHODS))
def test_ranking_invariants(
    orgs: list[Organisation], past: list[Tie], query: Query, k: int, method: str
) -> None:
    index = build_index(orgs, past)
    if query.org is not None and query.org not in index.position:
        query = Query(
            id=query.id, text=query.text or "Glas", kinds=query.kinds, exclude=query.exclude
        )
    ranked = index.rank(query, k=k, method=method)
    ids = [r.id for r in ranked]
    kinds = {o.id: o.kind for o in orgs}
    assert len(ranked) <= k
    assert len(ids) == len(set(ids))
    assert query.org not in ids
    assert query.exclude.isdisjoint(ids)
    assert query.kinds is None or all(kinds[i] in query.kinds for i in ids)
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    allowed = [
        o.id
        for o in orgs
        if o.id != query.org
        and o.id not in query.exclude
        and (query.kinds is None or o.kind in query.kinds)
    ]
    assert len(ranked) == min(k, len(allowed))


@settings(max_examples=30, deadline=None)
@given(organisations, ties)
def test_building_the_index_leaves_its_inputs_unchanged(
    orgs: list[Organisation], past: list[Tie]
) -> None:
    orgs_before, ties_before = list(orgs), list(past)
    build_index(orgs, past)
    assert (orgs, past) == (orgs_before, ties_before)
