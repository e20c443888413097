"""Is this row probably an organisation the registry already holds?

HOOK for the lead: ``find_probable_duplicates`` is the one place the import asks this. For now
it compares normalised names with rapidfuzz; at the merge it is to call the shared finder in
``clusterlogic.dedupe`` (issue #12, item 2) instead, keeping this signature.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# Legal forms and their spellings, longest first, removed before names are compared.
LEGAL_FORMS = re.compile(
    r"\b(gmbh\s*&\s*co\.?\s*kg(?:aa)?|gesellschaft mit beschr[aä]nkter haftung|aktiengesellschaft"
    r"|ug\s*\(haftungsbeschr[aä]nkt\)|haftungsbeschr[aä]nkt|eingetragener verein|ggmbh|gmbh|mbh"
    r"|kgaa|ag|se|kg|ohg|gbr|partg(?:\s*mbb)?|e\.?\s?v\.?|e\.?\s?g\.?|ug)(?=\W|$)",
    re.IGNORECASE,
)
THRESHOLD = 90


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = LEGAL_FORMS.sub(" ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _compact(normalised: str) -> str:
    return normalised.replace(" ", "")


@dataclass(frozen=True)
class Candidate:
    organisation_id: int
    name: str
    score: float


@dataclass
class RegistryIndex:
    """The registry's names, blocked by the first letters of the compact name, so a row is
    compared with a few names, never with all."""

    blocks: dict[str, list[tuple[int, str, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, organisation_id: int, name: str, city: str) -> None:
        normalised = normalise_name(name)
        compact = _compact(normalised)
        if compact:
            self.blocks[compact[:4]].append(
                (organisation_id, name, normalised, city.casefold().strip())
            )


def build_index(rows: list[tuple[int, str, str]]) -> RegistryIndex:
    index = RegistryIndex()
    for organisation_id, name, city in rows:
        index.add(organisation_id, name, city)
    return index


def find_probable_duplicates(
    row_name: str, city: str, index: RegistryIndex, *, exclude: int | None = None
) -> list[Candidate]:
    """The organisations of ``index`` that ``row_name`` (in ``city``) probably is, best first:
    normalised names (legal form, umlauts, punctuation, case set aside) at least 90 similar,
    and not in a different city where both name one."""
    normalised = normalise_name(row_name)
    compact = _compact(normalised)
    if not compact:
        return []
    city_key = city.casefold().strip()
    found = []
    for organisation_id, name, other, other_city in index.blocks.get(compact[:4], []):
        if organisation_id == exclude or (city_key and other_city and city_key != other_city):
            continue
        score = max(fuzz.token_sort_ratio(normalised, other), fuzz.ratio(compact, _compact(other)))
        if score >= THRESHOLD:
            found.append(Candidate(organisation_id, name, round(score, 1)))
    return sorted(found, key=lambda candidate: -candidate.score)[:5]
