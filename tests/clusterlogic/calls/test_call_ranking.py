"""Ranking organisations for a funding call: the call's wording, the partners of those already
in projects for the call or its programme part, and experience, each with its reason."""

from __future__ import annotations

from clusterlogic.calls import (
    SHIPPED_WEIGHTS,
    CallNetwork,
    CallQuery,
    CallWeights,
    Collaboration,
    build_network,
    call_signals,
    rank_for_call,
)
from clusterlogic.matching import MatchIndex, Organisation, ReasonPart, Tie, build_index

ORGANISATIONS = [
    Organisation(id="lead", name="H2 Lead", text="Wasserstoff Elektrolyse"),
    Organisation(id="friend", name="Friend", text="Maschinenbau"),
    Organisation(id="stranger", name="Stranger", text="Maschinenbau"),
    Organisation(id="burner", name="Burner", text="Wasserstoff Brenner", themes=("hydrogen",)),
    Organisation(id="veteran", name="Veteran", text="Logistik"),
    Organisation(id="bakery", name="Bakery", text="Brot und Brötchen"),
    Organisation(id="grid", name="Grid", text="Stromnetz"),
    Organisation(id="gridfriend", name="Grid friend", text="Zähler"),
]
COLLABORATIONS = [
    Collaboration("old", ("lead", "friend"), calls=("OTHER-1",), parts=("SC3",)),
    Collaboration("h2-a", ("lead", "grid"), calls=("H2-CALL",), parts=("SC3",)),
    Collaboration("grid-work", ("grid", "gridfriend"), calls=(), parts=("SC3",)),
    *(Collaboration(f"v{n}", ("veteran", "stranger")) for n in range(4)),
]


def _index_and_network() -> tuple[MatchIndex, CallNetwork]:
    ties = [
        Tie(a, b)
        for collaboration in COLLABORATIONS
        for a, b in [collaboration.members]  # every collaboration here has two members
    ]
    index = build_index(ORGANISATIONS, ties)
    return index, build_network(index, COLLABORATIONS)


def _call(**fields: object) -> CallQuery:
    values: dict[str, object] = {
        "id": "c",
        "text": "Wasserstoff hydrogen",
        "calls": ("H2-CALL",),
        "parts": ("SC3",),
        "exclude": frozenset({"lead", "grid"}),
    }
    values.update(fields)
    return CallQuery(**values)  # type: ignore[arg-type]


def test_a_partner_of_the_calls_earlier_participant_is_named_with_the_shared_project() -> None:
    index, network = _index_and_network()
    ranked = {r.id: r for r in rank_for_call(index, network, _call(), k=10)}
    assert "friend" in ranked
    assert ReasonPart("worked_with", ("lead", "old", "call")) in ranked["friend"].reasons
    # gridfriend worked with grid (in the call too) in a project without a call.
    assert ReasonPart("worked_with", ("grid", "grid-work", "call")) in ranked["gridfriend"].reasons


def test_the_calls_wording_still_counts_and_is_named() -> None:
    index, network = _index_and_network()
    ranked = {r.id: r for r in rank_for_call(index, network, _call(), k=10)}
    codes = {part.code for part in ranked["burner"].reasons}
    assert {"shared_themes", "text_match"} <= codes
    assert "worked_with" not in codes  # it worked with nobody


def test_experience_is_counted_and_named_as_the_number_of_projects() -> None:
    index, network = _index_and_network()
    ranked = {r.id: r for r in rank_for_call(index, network, _call(text=""), k=10)}
    assert ReasonPart("projects", ("4",)) in ranked["veteran"].reasons
    assert "bakery" not in ranked  # no evidence at all: not suggested


def test_excluded_organisations_are_never_suggested() -> None:
    index, network = _index_and_network()
    ids = [r.id for r in rank_for_call(index, network, _call(), k=10)]
    assert "lead" not in ids and "grid" not in ids


def test_the_programme_part_alone_brings_its_participants_partners() -> None:
    index, network = _index_and_network()
    query = _call(text="", calls=("UNKNOWN",), exclude=frozenset())
    weights = CallWeights(similarity=0.0, part_partners=1.0)
    ranked = {r.id: r for r in rank_for_call(index, network, query, k=10, weights=weights)}
    assert "friend" in ranked and "veteran" not in ranked
    (tie,) = [p for p in ranked["friend"].reasons if p.code == "worked_with"]
    assert tie.values[0] == "lead" and tie.values[2] == "part"


def test_weights_decide_the_order() -> None:
    index, network = _index_and_network()
    words_only = rank_for_call(index, network, _call(), k=3, weights=CallWeights())
    assert words_only[0].id == "burner"
    experience = CallWeights(similarity=0.0, popularity=1.0)
    top = rank_for_call(index, network, _call(), k=2, weights=experience)
    assert {r.id for r in top} == {"veteran", "stranger"}  # four projects each


def test_signals_are_scaled_to_one_and_the_shipped_weights_use_every_new_signal() -> None:
    index, network = _index_and_network()
    signals = call_signals(index, network, _call())
    assert signals.matrix.shape == (5, len(ORGANISATIONS))
    assert float(signals.matrix.max()) == 1.0 and float(signals.matrix.min()) >= 0.0
    assert all(value > 0 for value in SHIPPED_WEIGHTS.vector()[1:])


def test_unknown_members_and_an_empty_network_are_harmless() -> None:
    index, _network = _index_and_network()
    network = build_network(index, [Collaboration("x", ("nobody", "lead"))])
    assert network.projects.sum() == 1
    empty = build_network(index, [])
    ids = [r.id for r in rank_for_call(index, empty, _call(), k=5)]
    assert ids[0] == "burner"
