"""The registry's organisations as the duplicate finder sees them, and its reasons in words.

The finder itself is plain Python (``clusterlogic.dedupe``); this module builds its records
from organisations, asks it, and words its reason codes (German first, English by gettext).
Used by the organisation form (a warning before a new organisation is saved), the
"Dubletten" page and the import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from clusterhub.directory.models import Organisation
from clusterlogic.dedupe import (
    Candidate,
    DedupeIndex,
    OrgRecord,
    Pair,
    Reason,
    ReasonCode,
    build_index,
    find_candidates,
    find_pairs,
)

_WORDS = {
    ReasonCode.SAME_NAME: gettext_lazy("gleicher Name"),
    ReasonCode.SAME_NAME_EXCEPT_LEGAL_FORM: gettext_lazy("gleicher Name bis auf die Rechtsform"),
    ReasonCode.SIMILAR_NAME: gettext_lazy("ähnlicher Name"),
    ReasonCode.SAME_CITY: gettext_lazy("gleicher Ort"),
    ReasonCode.OTHER_CITY: gettext_lazy("anderer Ort"),
    ReasonCode.SAME_POSTCODE: gettext_lazy("gleiche PLZ"),
    ReasonCode.SAME_WEBSITE: gettext_lazy("gleiche Website"),
    ReasonCode.SAME_EMAIL_DOMAIN: gettext_lazy("gleiche E-Mail-Domain"),
    ReasonCode.OTHER_WEBSITE: gettext_lazy("andere Website"),
    ReasonCode.OTHER_NUMBER: gettext_lazy("andere Nummer"),
    ReasonCode.OTHER_LEGAL_FORM: gettext_lazy("andere Rechtsform"),
}
_FIELDS = ("pk", "name", "legal_form", "city", "postcode", "street", "country", "website")


def reason_text(reasons: Iterable[Reason]) -> str:
    """``gleicher Name bis auf die Rechtsform (SE / AG); gleicher Ort (Mannheim)``."""
    parts = []
    for reason in reasons:
        words = str(_WORDS[reason.code])
        parts.append(f"{words} ({reason.detail})" if reason.detail else words)
    return "; ".join(parts)


def organisation_record(
    pk: int | None,
    name: str,
    legal_form: str = "",
    city: str = "",
    postcode: str = "",
    street: str = "",
    country: str = "",
    website: str = "",
) -> OrgRecord:
    full_name = f"{name} {legal_form}".strip() if legal_form else name
    return OrgRecord(
        id=str(pk or ""),
        name=full_name,
        city=city or "",
        postcode=postcode or "",
        street=street or "",
        country=country or "",
        website=website or "",
    )


def records_of(organisations: QuerySet[Organisation]) -> list[OrgRecord]:
    rows = organisations.order_by("pk").values_list(*_FIELDS)
    return [organisation_record(*row) for row in rows]


@dataclass(frozen=True)
class FoundOrganisation:
    """An organisation of the registry that may be the one asked about."""

    organisation: Organisation
    score: float
    why: str


def registry_index(among: QuerySet[Organisation]) -> DedupeIndex:
    """The finder's index of ``among``; build it once for many look-ups (an import)."""
    return build_index(records_of(among))


def candidates_for(
    record: OrgRecord,
    among: QuerySet[Organisation],
    limit: int = 5,
    index: DedupeIndex | None = None,
) -> list[FoundOrganisation]:
    """Organisations of ``among`` that may be ``record`` (a name typed into a form or read
    from an import row), best first. ``index``: one built by ``registry_index(among)``."""
    if index is None:
        index = registry_index(among)
    found: list[Candidate] = find_candidates(record, index, limit=limit)
    by_pk = among.in_bulk([int(candidate.id) for candidate in found])
    return [
        FoundOrganisation(by_pk[int(c.id)], c.score, reason_text(c.reasons))
        for c in found
        if int(c.id) in by_pk
    ]


def pairs_in(organisations: QuerySet[Organisation], threshold: float | None = None) -> list[Pair]:
    """Pairs of ``organisations`` that may be one, best first; ids are primary keys as text."""
    records = records_of(organisations)
    return find_pairs(records) if threshold is None else find_pairs(records, threshold)
