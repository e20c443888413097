"""Plain data that goes into and comes out of the matching engine."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("company", "research", "university", "public", "association", "other")


@dataclass(frozen=True)
class Organisation:
    """One organisation's profile; every field but ``id`` may be empty."""

    id: str
    name: str = ""
    kind: str = ""
    country: str = ""
    city: str = ""
    text: str = ""
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tie:
    """One past collaboration between two organisations (a shared project, a co-membership)."""

    a: str
    b: str
    weight: float = 1.0
    year: int | None = None


@dataclass(frozen=True)
class Query:
    """Partners sought for an organisation (``org``), for a free-text need (``text``), or both."""

    id: str
    org: str | None = None
    text: str = ""
    kinds: frozenset[str] | None = None
    exclude: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReasonPart:
    """One checkable piece of a reason, as data so that a web app can word it in any language.

    ``code`` is one of:
    ``shared_themes`` (values: the themes both have), ``text_match`` (values: the query words
    found in the partner's profile), ``common_partners`` (values: ids of partners in common),
    ``complementary_kinds`` (values: query kind, partner kind), ``same_country`` /
    ``same_city`` (values: the place), ``popular`` (values: the partner's number of ties),
    ``embedding_match`` (no values).
    """

    code: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranked:
    """One suggested partner: its id, a score (higher is better) and the reason parts."""

    id: str
    score: float
    reasons: tuple[ReasonPart, ...] = field(default_factory=tuple)
