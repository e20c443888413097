"""Plain records in, scored pairs out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class OrgRecord:
    """One organisation as the finder sees it; only ``id`` and ``name`` are required."""

    id: str
    name: str
    city: str = ""
    postcode: str = ""
    street: str = ""
    country: str = ""
    website: str = ""
    email: str = ""


class ReasonCode(StrEnum):
    """Why two records look alike (or less alike); the web layer words them in German."""

    SAME_NAME = "same_name"  # equal once case, umlauts and punctuation are folded
    SAME_NAME_EXCEPT_LEGAL_FORM = "same_name_except_legal_form"
    SIMILAR_NAME = "similar_name"
    SAME_CITY = "same_city"
    OTHER_CITY = "other_city"
    SAME_POSTCODE = "same_postcode"
    SAME_WEBSITE = "same_website"
    SAME_EMAIL_DOMAIN = "same_email_domain"
    OTHER_WEBSITE = "other_website"
    OTHER_NUMBER = "other_number"
    OTHER_LEGAL_FORM = "other_legal_form"


@dataclass(frozen=True, slots=True)
class Reason:
    """``detail``: what the reason is about, e.g. ``"SE / AG"``, ``"mannheim"``, ``"91 %"``."""

    code: ReasonCode
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    """``a`` and ``b``: record ids, ``a`` the one that came first in the input."""

    a: str
    b: str
    score: float
    reasons: tuple[Reason, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record of the index that may be the same organisation as the one asked about."""

    id: str
    score: float
    reasons: tuple[Reason, ...] = field(default=())
