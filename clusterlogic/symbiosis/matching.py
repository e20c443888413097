"""Offers of material streams matched to needs: by waste code (the six-digit code of the
European Waste Catalogue / German AVV), quantity and distance, each match with its reasons.

A code fits exactly (same six digits), within its group (same first four: e.g. 17 04 "metals"
of 17 "construction and demolition wastes") or within its chapter (same first two). A need
may accept a stream of its group or chapter (a foundry that takes any ferrous scrap). Plain
data in, plain data out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

EARTH_RADIUS_KM = 6371.0088


class CodeFit(Enum):
    EXACT = "exact"
    GROUP = "group"
    CHAPTER = "chapter"


CODE_WEIGHT = {CodeFit.EXACT: 1.0, CodeFit.GROUP: 0.6, CodeFit.CHAPTER: 0.3}


@dataclass(frozen=True)
class Stream:
    """An offered or sought stream. ``tonnes_per_year`` > 0; place in degrees (None when
    the place is unknown: such a stream is matched without a distance)."""

    id: int
    organisation_id: int
    code: str
    tonnes_per_year: float
    latitude: float | None = None
    longitude: float | None = None
    hazardous: bool = False
    available_from: dt.date | None = None
    # For needs: how wide a code they take; and whether they may take hazardous waste
    # (a permitted treatment plant).
    accepts: CodeFit = CodeFit.EXACT
    accepts_hazardous: bool = False


@dataclass(frozen=True)
class Match:
    offer_id: int
    need_id: int
    score: float
    code_fit: CodeFit
    distance_km: float | None
    # Share of the need the offer covers (1.0: all of it or more).
    coverage: float
    # Reason codes with their values, for the web layer to word: ("code", "exact"),
    # ("distance", 12.3), ("coverage", 0.8), ("from", date).
    reasons: tuple[tuple[str, object], ...]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def code_fit(offer_code: str, need_code: str) -> CodeFit | None:
    if offer_code == need_code:
        return CodeFit.EXACT
    if offer_code[:4] == need_code[:4]:
        return CodeFit.GROUP
    if offer_code[:2] == need_code[:2]:
        return CodeFit.CHAPTER
    return None


_WIDTH = {CodeFit.EXACT: 0, CodeFit.GROUP: 1, CodeFit.CHAPTER: 2}


def _distance(offer: Stream, need: Stream) -> float | None:
    lat1, lon1, lat2, lon2 = offer.latitude, offer.longitude, need.latitude, need.longitude
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return distance_km(lat1, lon1, lat2, lon2)


def match_streams(
    offers: Iterable[Stream],
    needs: Iterable[Stream],
    *,
    max_km: float = 150.0,
    half_score_km: float = 50.0,
    today: dt.date | None = None,
    limit_per_need: int = 10,
) -> list[Match]:
    """The offers that can serve each need, best first per need, at most ``limit_per_need``.

    An offer serves a need when its code fits as widely as the need accepts, it is not the
    same organisation's, it is hazardous only for a need that accepts hazardous waste, and it
    lies within ``max_km`` (or either place is unknown). Score: the code weight (exact 1,
    group 0.6, chapter 0.3) × the covered share of the need's quantity (at least 0.1) × a
    distance factor that halves at ``half_score_km``; a stream available only later than
    ``today`` counts half."""
    by_chapter: dict[str, list[Stream]] = {}
    for offer in offers:
        by_chapter.setdefault(offer.code[:2], []).append(offer)
    matches: list[Match] = []
    for need in needs:
        found: list[Match] = []
        for offer in by_chapter.get(need.code[:2], []):
            fit = code_fit(offer.code, need.code)
            if fit is None or _WIDTH[fit] > _WIDTH[need.accepts]:
                continue
            if offer.organisation_id == need.organisation_id:
                continue
            if offer.hazardous and not need.accepts_hazardous:
                continue
            km = _distance(offer, need)
            if km is not None and km > max_km:
                continue
            coverage = min(1.0, offer.tonnes_per_year / need.tonnes_per_year)
            nearness = 1.0 if km is None else half_score_km / (half_score_km + km)
            later = (
                today is not None
                and offer.available_from is not None
                and offer.available_from > today
            )
            score = CODE_WEIGHT[fit] * max(coverage, 0.1) * nearness * (0.5 if later else 1.0)
            reasons: list[tuple[str, object]] = [("code", fit.value), ("coverage", coverage)]
            if km is not None:
                reasons.append(("distance", round(km, 1)))
            if later:
                reasons.append(("from", offer.available_from))
            found.append(
                Match(offer.id, need.id, round(score, 6), fit, km, coverage, tuple(reasons))
            )
        found.sort(key=lambda match: (-match.score, match.offer_id))
        matches.extend(found[:limit_per_need])
    return matches
