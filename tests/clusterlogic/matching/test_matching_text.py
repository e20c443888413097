"""The text ranker on German and English demo profiles: needs whose right answer one can argue."""

from __future__ import annotations

import re

import pytest
from matching_demo import DEMO, DEMO_TIES

from clusterlogic.matching import Organisation, Query, build_index
from clusterlogic.matching.text import CompoundSplitter, build_text_index, words


def _top(need: str, k: int = 3) -> list[str]:
    index = build_index(DEMO, DEMO_TIES)
    return [r.id for r in index.rank(Query(id="q", text=need), k=k)]


def test_german_need_with_hyphenated_compound_finds_hydrogen_burner_firm() -> None:
    assert _top("Partner für Wasserstoff-Brenner in der Glasherstellung")[0] == "brenner"


def test_german_need_as_closed_compound_finds_hydrogen_burner_firm() -> None:
    assert _top("Wer kann helfen bei Wasserstoffbrennern?")[0] == "brenner"


def test_english_need_finds_recycling_firm() -> None:
    assert _top("circular economy waste streams")[0] == "recycling"


def test_hydrogen_need_ranks_both_hydrogen_profiles_first() -> None:
    assert set(_top("Wasserstoff", k=2)) == {"brenner", "elektrolyse"}


def test_text_match_reason_names_the_words_found_as_written() -> None:
    index = build_index(DEMO, DEMO_TIES)
    best = index.rank(Query(id="q", text="Partner für Wasserstoff-Brenner"), k=1)[0]
    text_parts = [p for p in best.reasons if p.code == "text_match"]
    assert text_parts and text_parts[0].values == ("Wasserstoff-Brenner",)


_WHOLE_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@pytest.mark.parametrize(
    "need",
    [
        "Pflegeroboter Krankenhaus Start-up",
        "Start-ups für Wasserstoffbrenner und Glas-Recycling",
        "circular economy: waste-streams, e-mobility",
    ],
)
def test_reasons_hold_only_whole_words_of_the_need_or_profile(need: str) -> None:
    index = build_index(DEMO, DEMO_TIES)
    texts = [need, *(o.text for o in DEMO), *(o.name for o in DEMO)]
    whole = {w for text in texts for w in _WHOLE_WORDS.findall(text)}
    shown = [
        value
        for ranked in index.rank(Query(id="q", text=need), k=len(DEMO))
        for part in ranked.reasons
        if part.code == "text_match"
        for value in part.values
    ]
    assert shown, "some profile should match"
    assert set(shown) <= whole
    assert not {"start", "ups", "up", "waste", "streams", "mobility"} & set(shown)


def test_a_hyphenated_word_matches_the_same_word_written_closed() -> None:
    orgs = [
        Organisation(id="s", name="Gründerhaus", text="Wir begleiten Startups in der Pflege"),
        Organisation(id="o", name="Andere", text="Start der Produktion"),
    ]
    ranked = build_index(orgs).rank(Query(id="q", text="Start-up Pflege"), k=2)
    reasons = {
        r.id: [v for p in r.reasons if p.code == "text_match" for v in p.values] for r in ranked
    }
    assert "Start-up" in reasons["s"]
    assert "Start-up" not in reasons.get("o", [])


def test_need_naming_a_theme_reports_the_shared_theme() -> None:
    index = build_index(DEMO, DEMO_TIES)
    best = index.rank(Query(id="q", text="Projekte in der Medizintechnik"), k=1)[0]
    assert best.id == "medtech"
    assert ("shared_themes", ("Medizintechnik",)) in [(p.code, p.values) for p in best.reasons]


def test_compound_splits_into_known_words_with_linking_element() -> None:
    splitter = CompoundSplitter(["arbeit", "platz", "wasserstoff", "brenner"])
    assert splitter.split("arbeitsplatz") == ("arbeit", "platz")
    assert splitter.split("wasserstoffbrenner") == ("wasserstoff", "brenner")
    assert splitter.split("wasserstoff") == ()


def test_adjacent_words_join_into_a_known_compound() -> None:
    splitter = CompoundSplitter(["wasserstoffbrenner"])
    assert splitter.join("wasserstoff", "brenner") == "wasserstoffbrenner"
    assert splitter.join("wasser", "brenner") is None


def test_query_words_drop_stop_words_and_seeking_phrases() -> None:
    assert words("Wir suchen Partner für die Glasherstellung") == ["glasherstellung"]


def test_text_index_of_empty_profiles_scores_zero() -> None:
    index = build_text_index(["", ""])
    assert index.scores("Wasserstoff").dense(2).tolist() == [0.0, 0.0]
