"""Reason parts for one suggestion, and their short English wording for the command line."""

from __future__ import annotations

from collections.abc import Sequence

from clusterlogic.matching.model import ReasonPart

_MAX_VALUES = 3


def describe(parts: Sequence[ReasonPart]) -> str:
    """E.g. ``shared: hydrogen; text: brenner; partners in common: o9; company + research``."""
    phrases: list[str] = []
    for part in parts:
        values = ", ".join(part.values[:_MAX_VALUES])
        if part.code == "shared_themes":
            phrases.append(f"shared: {values}")
        elif part.code == "text_match":
            phrases.append(f"text: {values}")
        elif part.code == "embedding_match":
            phrases.append("similar profile text")
        elif part.code == "common_partners":
            phrases.append(f"partners in common: {values}")
        elif part.code == "complementary_kinds":
            phrases.append(" + ".join(part.values))
        elif part.code == "same_city":
            phrases.append(f"same city: {values}")
        elif part.code == "same_country":
            phrases.append(f"same country: {values}")
        elif part.code == "popular":
            phrases.append(f"many partners ({values})")
    return "; ".join(phrases)
