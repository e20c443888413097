"""The name normaliser: spellings of one name meet, and normalising twice changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.dedupe.normalise import fold, name_core, normalise_name

LEGAL_FORMS = [
    "GmbH", "G.m.b.H.", "gGmbH", "mbH", "AG", "A.G.", "Aktiengesellschaft", "SE", "KG",
    "Kommanditgesellschaft", "GmbH & Co. KG", "GmbH u. Co. KG", "GmbH + Co KG", "e. V.", "e.V.",
    "eingetragener Verein", "eG", "e.G.", "UG (haftungsbeschränkt)", "UG (haftungsbeschr.)",
    "Gesellschaft mit beschränkter Haftung", "Gesellschaft mbH", "KGaA", "OHG", "GbR",
    "UG (haftungsbeschränkt) & Co. KG", "AG & Co. KGaA",
]  # fmt: skip
_FORM_WORDS = {fold(w) for form in LEGAL_FORMS for w in form.replace(".", " ").split()}
_RESERVED = _FORM_WORDS | {"und", "and", "u", "co", "cie", "comp", "in", "i", "mit", "ev", "eg"}

words = st.text(alphabet="abcdefghijklmnoprstuvwzäöüßé", min_size=3, max_size=10).filter(
    lambda w: fold(w) not in _RESERVED and "gesellschaft" not in fold(w)
)
names = st.lists(words, min_size=1, max_size=4).map(" ".join)


@given(st.text(max_size=60))
def test_normalising_the_core_again_changes_nothing(name: str) -> None:
    core = name_core(name)
    assert name_core(core) == core


@given(names, st.sampled_from(LEGAL_FORMS))
def test_a_legal_form_does_not_change_the_core(name: str, form: str) -> None:
    assert name_core(f"{name} {form}") == name_core(name)
    assert name_core(f"{name}, {form}") == name_core(name)


@given(names)
def test_case_and_punctuation_do_not_change_the_core(name: str) -> None:
    assert name_core(name.upper()) == name_core(name)
    assert name_core(f'"{name}".') == name_core(name)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("BASF SE", "B.A.S.F. Aktiengesellschaft"),
        ("Pepperl+Fuchs", "Pepperl + Fuchs SE"),
        ("Pepperl & Fuchs GmbH", "Pepperl und Fuchs G.m.b.H."),
        ("Müller Bau GmbH", "Mueller Bau Gesellschaft mit beschränkter Haftung"),
        ("Straßenbau Weiß KG", "STRASSENBAU WEISS Kommanditgesellschaft"),
        ("Foo UG (haftungsbeschränkt)", "Foo Unternehmergesellschaft"),
        ("Café Olé e. V.", "Cafe Ole eingetragener Verein"),
        ("Kraft Verwaltungs-GmbH i. L.", "Kraft Verwaltungs GmbH"),
    ],
)
def test_spellings_of_one_name_share_the_core(first: str, second: str) -> None:
    assert name_core(first) == name_core(second)


def test_legal_forms_are_named_canonically() -> None:
    assert normalise_name("Wilhelm Spring GmbH & Co. KG").forms == ("co", "gmbh", "kg")
    assert normalise_name("Akademie gGmbH").forms == ("ggmbh",)


def test_a_form_inside_a_word_is_part_of_the_word() -> None:
    assert name_core("Bagage Transport") == "bagage transport"
    assert name_core("Sekt Kellerei") == "sekt kellerei"


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert name_core("AG") == "ag"
    assert name_core("Gesellschaft mit beschränkter Haftung") == "gmbh"
