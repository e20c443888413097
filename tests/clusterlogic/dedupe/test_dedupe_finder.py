"""Finding pairs among records and candidates for one new name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlogic.dedupe import (
    OrgRecord,
    ReasonCode,
    build_index,
    describe,
    find_candidates,
    find_pairs,
)
from clusterlogic.dedupe.index import candidate_pairs

RECORDS = [
    OrgRecord("r1", "Pepperl+Fuchs SE", "Mannheim", "68307", website="https://www.pepperl-fuchs.com"),
    OrgRecord("r2", "Pepperl + Fuchs AG", "Mannheim", email="info@de.pepperl-fuchs.com"),
    OrgRecord("r3", "BASF SE", "Ludwigshafen"),
    OrgRecord("r4", "B.A.S.F. Aktiengesellschaft", "Ludwigshafen am Rhein"),
    OrgRecord("r5", "Solarpark Calasparra 252 GmbH & Co. KG", "Heilbronn"),
    OrgRecord("r6", "Solarpark Calasparra 257 GmbH & Co. KG", "Heilbronn"),
    OrgRecord("r7", "Popakademie Baden-Württemberg", "Mannheim"),
    OrgRecord("r8", "Technoseum", "Mannheim"),
]  # fmt: skip


def test_spellings_of_one_organisation_are_paired_with_reasons() -> None:
    pairs = find_pairs(RECORDS)
    assert {(p.a, p.b) for p in pairs} == {("r1", "r2"), ("r3", "r4")}
    first = next(p for p in pairs if p.a == "r1")
    codes = [reason.code for reason in first.reasons]
    assert codes[0] == ReasonCode.SAME_NAME_EXCEPT_LEGAL_FORM
    assert ReasonCode.SAME_CITY in codes
    assert ReasonCode.SAME_EMAIL_DOMAIN in codes
    assert describe(first.reasons).startswith("same name apart from the legal form (SE / AG)")


def test_a_numbered_series_is_not_one_organisation() -> None:
    pairs = find_pairs(RECORDS, threshold=0.5)
    series = next(p for p in pairs if {p.a, p.b} == {"r5", "r6"})
    assert ReasonCode.OTHER_NUMBER in [reason.code for reason in series.reasons]
    assert series.score < 0.9


def test_another_city_lowers_the_score() -> None:
    here = [
        OrgRecord("a", "Müller Bau GmbH", "Mannheim"),
        OrgRecord("b", "Mueller Bau", "Mannheim"),
    ]
    there = [OrgRecord("a", "Müller Bau GmbH", "Mannheim"), OrgRecord("b", "Mueller Bau", "Kiel")]
    assert find_pairs(here)[0].score > find_pairs(there, threshold=0.5)[0].score


def test_pairs_are_best_first_and_above_the_threshold() -> None:
    pairs = find_pairs(RECORDS, threshold=0.3)
    scores = [p.score for p in pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(0.3 <= s <= 1.0 for s in scores)
    assert all(p.a != p.b for p in pairs)


def test_a_new_name_finds_its_candidates_in_the_index() -> None:
    index = build_index(RECORDS)
    found = find_candidates(OrgRecord("new", "Pepperl und Fuchs GmbH", "Mannheim"), index)
    assert [c.id for c in found] == ["r1", "r2"]
    assert find_candidates(OrgRecord("new", "Völlig Anderes Institut"), index) == []


def test_a_record_is_never_its_own_candidate() -> None:
    index = build_index(RECORDS)
    assert all(c.id != "r7" for c in find_candidates(RECORDS[6], index, threshold=0.0))


def test_blocking_never_compares_all_pairs() -> None:
    records = [OrgRecord(str(n), f"Verein {n} Mannheim e. V.") for n in range(400)]
    compared = candidate_pairs(build_index(records))
    assert len(compared) < 400 * 399 / 2 / 10


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=25))
def test_every_pair_is_reported_once_between_two_records(names: list[str]) -> None:
    records = [OrgRecord(f"r{n}", name) for n, name in enumerate(names)]
    pairs = find_pairs(records, threshold=0.0)
    keys = [frozenset((p.a, p.b)) for p in pairs]
    assert len(keys) == len(set(keys))
    assert all(len(key) == 2 for key in keys)
