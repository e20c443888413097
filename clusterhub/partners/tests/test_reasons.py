"""The engine's reason codes, worded in German."""

from __future__ import annotations

from clusterhub.partners.reasons import ReasonWords, describe, describe_all
from clusterlogic.matching import ReasonPart

WORDS = ReasonWords(
    organisation_names={"7": "Pepperl+Fuchs", "9": "BASF"},
    theme_labels={"wasserstoff": "Wasserstoff", "ki": "KI"},
    asker_kind="Start-up",
    candidate_kind="Forschungseinrichtung",
)


def test_each_engine_reason_reads_as_german() -> None:
    parts = (
        ReasonPart("shared_themes", ("wasserstoff", "ki")),
        ReasonPart("common_partners", ("7",)),
        ReasonPart("common_partners", ("7", "9")),
        ReasonPart("complementary_kinds", ("company", "research")),
        ReasonPart("same_city", ("Mannheim",)),
        ReasonPart("same_country", ("de",)),
        ReasonPart("text_match", ("wasserstoff", "tankstellen")),
        ReasonPart("popular", ("12",)),
    )
    assert describe_all(parts, WORDS) == [
        "Gemeinsame Themen: Wasserstoff, KI",
        "Ein gemeinsamer Partner: Pepperl+Fuchs",
        "Gemeinsame Partner: Pepperl+Fuchs, BASF",
        "Ergänzt sich: Start-up und Forschungseinrichtung",
        "Gleicher Ort: Mannheim",
        "Gleiches Land: DE",
        "Passt zum Suchtext: wasserstoff, tankstellen",
        "Gut vernetzt: 12 Kooperationen",
    ]


def test_unknown_reason_codes_are_left_out() -> None:
    assert describe(ReasonPart("a_new_signal", ("x",)), WORDS) is None
    assert describe_all((ReasonPart("a_new_signal"),), WORDS) == []


def test_call_reasons_name_the_partner_the_project_and_the_experience() -> None:
    words = ReasonWords(
        organisation_names={"7": "Pepperl+Fuchs"},
        theme_labels={},
        asker_kind="",
        candidate_kind="KMU",
        project_labels={"31": "H2-Hafen"},
    )
    parts = (
        ReasonPart("worked_with", ("7", "31", "call")),
        ReasonPart("worked_with", ("7", "", "part")),
        ReasonPart("projects", ("1",)),
        ReasonPart("projects", ("4",)),
    )
    assert describe_all(parts, words) == [
        "Arbeitete mit Pepperl+Fuchs in Projekt H2-Hafen – "
        "Pepperl+Fuchs ist an einem Projekt zu diesem Aufruf beteiligt",
        "Arbeitete mit Pepperl+Fuchs – Pepperl+Fuchs ist im selben Programmteil aktiv",
        "An 1 Projekt beteiligt",
        "An 4 Projekten beteiligt",
    ]
