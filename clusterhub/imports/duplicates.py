"""Is this row probably an organisation the registry already holds? The import asks the one
duplicate finder of the site (``clusterlogic.dedupe``, issue #12 item 2), which the
organisation form and the "Dubletten" page ask too.

The finder's index of the registry is built once per run. Organisations the same run creates
are added to a small table of their normalised names, so a file that names one organisation
twice creates it once (the finder's index itself is immutable, and rebuilding it per row
would cost the whole registry each time)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from clusterlogic import dedupe
from clusterlogic.dedupe import OrgRecord

# The finder's scores run from 0 to 1; the import shows them as a percentage.
PERCENT = 100


def normalise_name(name: str) -> str:
    """The name as the finder compares it: legal form, umlauts, punctuation and case set
    aside ("B.A.S.F. Aktiengesellschaft" → "basf")."""
    return dedupe.normalise_name(name).core


@dataclass(frozen=True)
class Candidate:
    organisation_id: int
    name: str
    score: float


@dataclass
class RegistryIndex:
    finder: dedupe.DedupeIndex
    names: dict[int, str]
    added: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, organisation_id: int, name: str, city: str) -> None:
        """An organisation this run created, so a later row of the file finds it."""
        self.added[dedupe.normalise_name(name).compact].append((organisation_id, name))


def build_index(rows: list[tuple[int, str, str]]) -> RegistryIndex:
    records = [OrgRecord(id=str(pk), name=name, city=city or "") for pk, name, city in rows]
    return RegistryIndex(
        finder=dedupe.build_index(records), names={pk: name for pk, name, _city in rows}
    )


def find_probable_duplicates(
    row_name: str, city: str, index: RegistryIndex, *, exclude: int | None = None
) -> list[Candidate]:
    """The organisations that ``row_name`` (in ``city``) probably is, best first, at most
    five: the finder's candidates in the registry, and an organisation of the same name this
    run already created."""
    found = [
        Candidate(int(c.id), index.names[int(c.id)], round(c.score * PERCENT, 1))
        for c in dedupe.find_candidates(OrgRecord(id="", name=row_name, city=city), index.finder)
        if int(c.id) != exclude
    ]
    compact = dedupe.normalise_name(row_name).compact
    for organisation_id, name in index.added.get(compact, []) if compact else []:
        if organisation_id != exclude:
            found.append(Candidate(organisation_id, name, float(PERCENT)))
    return sorted(found, key=lambda candidate: -candidate.score)[:5]
