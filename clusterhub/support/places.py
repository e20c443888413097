"""Where a place is: German places of 1,000 inhabitants or more, from GeoNames (CC BY 4.0),
as ``scripts/build_places.py`` extracted them into ``data/places-de.json``. No service is
asked, so placing works offline; a place not in the list stays without coordinates."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "places-de.json"
ATTRIBUTION = "Ortskoordinaten: GeoNames (geonames.org), CC BY 4.0"


@cache
def _places() -> dict[str, tuple[float, float]]:
    raw: dict[str, list[float]] = json.loads(DATA.read_text("utf-8"))
    return {name.casefold(): (lat, lon) for name, (lat, lon) in raw.items()}


def coordinates(city: str) -> tuple[float, float] | None:
    """Latitude and longitude of a German place by its name ("Mannheim", "ludwigshafen am
    rhein"); None when unknown."""
    name = " ".join((city or "").split()).casefold()
    return _places().get(name) if name else None
