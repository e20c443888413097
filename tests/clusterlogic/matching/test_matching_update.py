"""A changed profile applied to a built index ranks as a fresh build of the changed registry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matching_demo import DEMO, DEMO_TIES
from numpy.typing import NDArray
from test_matching_invariants import organisations, ties

from clusterlogic.matching import (
    METHODS,
    MatchIndex,
    Organisation,
    Query,
    RebuildNeeded,
    Tie,
    build_index,
    updated_index,
)
from clusterlogic.matching.index import profile_text
from clusterlogic.matching.text import build_text_index, replaced_document

_BY_ID = {o.id: o for o in DEMO}


def _queries(index: MatchIndex, texts: Sequence[str]) -> list[Query]:
    by_org = [Query(id=f"o-{o.id}", org=o.id) for o in index.organisations]
    by_text = [Query(id=f"t-{n}", text=text) for n, text in enumerate(texts)]
    return by_org + by_text


def _score_table(index: MatchIndex, queries: Sequence[Query]) -> NDArray[np.float64]:
    return np.array([index.scores(q, method) for q in queries for method in METHODS])


def test_a_word_only_the_new_profile_has_finds_it_with_its_themes_and_kind() -> None:
    index = build_index(DEMO, DEMO_TIES)
    changed = replace(
        _BY_ID["recycling"],
        kind="research",
        text="Wir bauen Brennstoffzellenstapel für Gabelstapler.",
        themes=("Wasserstoff",),
    )
    need = Query(id="q", text="Brennstoffzellenstapel")
    asked_by_brenner = Query(id="q", org="brenner", text="Brennstoffzellenstapel")
    assert not any(p.code == "text_match" for r in index.rank(need, k=9) for p in r.reasons)

    updated = updated_index(index, changed)

    assert updated.rank(need, k=1)[0].id == "recycling"
    found = {r.id: r for r in updated.rank(asked_by_brenner, k=len(DEMO))}["recycling"]
    reasons = {part.code: part.values for part in found.reasons}
    assert reasons["text_match"] == ("Brennstoffzellenstapel",)  # as the user wrote it
    assert reasons["shared_themes"] == ("Wasserstoff",)
    assert reasons["complementary_kinds"] == ("company", "research")


def test_update_scores_as_a_fresh_build_where_the_kept_statistics_do_not_move() -> None:
    # Same number of terms (BM25's average length stays) and the same themes (theme idf stays);
    # a new word, a word other profiles share, and a tied organisation changing kind and country.
    before = _BY_ID["glas"]
    changed = replace(
        before,
        kind="research",
        country="FR",
        city="Lyon",
        text="Steel Elektrolyse production; we want to cut the gas burners' CO2 emissions.",
    )
    index = build_index(DEMO, DEMO_TIES)
    analyzer = index.text.analyzer
    assert len(analyzer.terms(profile_text(changed))) == len(analyzer.terms(profile_text(before)))
    fresh = build_index([changed if o.id == "glas" else o for o in DEMO], DEMO_TIES)

    updated = updated_index(index, changed)

    queries = _queries(fresh, ["Steel", "Elektrolyse Wasserstoff", "glass burners", "KI Daten"])
    assert np.allclose(_score_table(updated, queries), _score_table(fresh, queries), rtol=1e-6)
    for query in queries:
        assert [(r.id, r.reasons) for r in updated.rank(query, k=4)] == [
            (r.id, r.reasons) for r in fresh.rank(query, k=4)
        ]


def test_the_index_given_is_left_as_it_was() -> None:
    index = build_index(DEMO, DEMO_TIES)
    queries = _queries(index, ["Wasserstoff", "Brennstoffzellenstapel"])
    scores = _score_table(index, queries)
    changed = replace(_BY_ID["uni"], kind="company", text="Brennstoffzellenstapel", themes=())

    updated_index(index, changed)

    assert index.organisations == DEMO
    assert np.array_equal(_score_table(index, queries), scores)


def test_updates_chain_and_a_new_city_takes_a_new_code() -> None:
    index = build_index(DEMO, DEMO_TIES)
    for org_id in ("glas", "elektrolyse"):
        index = updated_index(index, replace(_BY_ID[org_id], city="Karlsruhe"))

    ranked = {r.id: r for r in index.rank(Query(id="q", org="glas"), k=len(DEMO))}

    reasons = [(p.code, p.values) for p in ranked["elektrolyse"].reasons]
    assert ("same_city", ("Karlsruhe",)) in reasons


@pytest.mark.parametrize(
    "changed",
    [
        Organisation(id="newcomer", text="Wasserstoff"),
        replace(_BY_ID["uni"], kind="public"),
        replace(_BY_ID["uni"], country="AT"),
        replace(_BY_ID["uni"], themes=("KI", "Quantencomputing")),
    ],
    ids=["new organisation", "new kind", "new country", "new theme"],
)
def test_what_the_index_has_never_seen_needs_a_rebuild(changed: Organisation) -> None:
    with pytest.raises(RebuildNeeded):
        updated_index(build_index(DEMO, DEMO_TIES), changed)


class _LetterEncoder:
    """Unit vectors of letter counts: any text change moves its row."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        rows = np.array([[t.lower().count(c) + 0.1 for c in "aeiou"] for t in texts])
        return np.asarray(rows / np.linalg.norm(rows, axis=1, keepdims=True), dtype=np.float32)


def test_the_embedding_row_follows_the_new_text() -> None:
    encoder = _LetterEncoder()
    index = build_index(DEMO, DEMO_TIES, encoder=encoder)
    assert index.embeddings is not None
    before = index.embeddings.copy()
    changed = replace(_BY_ID["medtech"], text="Quantum optics and laser physics")

    updated = updated_index(index, changed)

    assert updated.embeddings is not None
    position = index.position["medtech"]
    assert np.allclose(updated.embeddings[position], encoder.encode([profile_text(changed)])[0])
    others = np.arange(len(DEMO)) != position
    assert np.array_equal(updated.embeddings[others], before[others])
    assert np.array_equal(index.embeddings, before)


@settings(max_examples=40, deadline=None)
@given(organisations, ties, st.data())
def test_updating_a_profile_with_itself_changes_no_score(
    orgs: list[Organisation], past: list[Tie], data: st.DataObject
) -> None:
    index = build_index(orgs, past)
    chosen = data.draw(st.sampled_from(orgs))
    queries = _queries(index, ["Wasserstoff Brenner", "Glas Energie"])

    updated = updated_index(index, chosen)

    assert np.array_equal(_score_table(updated, queries), _score_table(index, queries))


@settings(max_examples=40, deadline=None)
@given(organisations, ties, st.data())
def test_taking_another_profile_and_back_restores_every_score(
    orgs: list[Organisation], past: list[Tie], data: st.DataObject
) -> None:
    index = build_index(orgs, past)
    chosen = data.draw(st.sampled_from(orgs))
    other = data.draw(st.sampled_from(orgs))
    queries = _queries(index, ["Wasserstoff Brenner", "Glas Energie", "recycling KI"])

    there = updated_index(index, replace(other, id=chosen.id))
    back = updated_index(there, chosen)

    assert np.allclose(_score_table(back, queries), _score_table(index, queries), rtol=1e-5)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Wasserstoff", "Brenner", "Glas", "waste", ""]), min_size=1))
def test_replacing_a_document_with_its_own_text_keeps_the_bm25_matrix(texts: list[str]) -> None:
    text_index = build_text_index(texts)
    for position, text in enumerate(texts):
        replaced = replaced_document(text_index, position, text)
        if text_index.retriever is None:
            assert replaced is None
            continue
        assert replaced is not None and replaced.retriever is not None
        for part in ("data", "indices", "indptr"):
            assert np.array_equal(
                replaced.retriever.scores[part], text_index.retriever.scores[part]
            )
