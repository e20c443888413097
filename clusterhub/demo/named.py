"""Loads the real organisations named in the article from ``data/organisations.toml``."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Membership, Organisation
from clusterhub.directory.services import build_search_text
from clusterhub.taxonomy.models import Theme

DATA_FILE = Path(__file__).resolve().parent / "data" / "organisations.toml"
INITIATIVE_SLUG = "industriestandort-mannheim"
INITIATIVE_START = date(2021, 7, 1)
# The day the demo pretends these organisations agreed to be listed publicly.
LISTING_CONSENT_AT = timezone.make_aware(datetime(2024, 3, 1, 10, 0))


def named_organisation_rows() -> list[dict[str, Any]]:
    with DATA_FILE.open("rb") as handle:
        rows: list[dict[str, Any]] = tomllib.load(handle)["organisation"]
    return rows


def membership_rows(row: dict[str, Any]) -> list[tuple[str, str, date]]:
    """(cluster slug, role, started on) for one organisation, the initiative's included."""
    result = [
        (slug, role, date.fromisoformat(day)) for slug, role, day in row.get("memberships", [])
    ]
    if "initiative" in row:
        result.append((INITIATIVE_SLUG, Membership.Role.FOUNDING, INITIATIVE_START))
        result += [
            (f"konsortium-{slug}", Membership.Role.MEMBER, INITIATIVE_START)
            for slug in row["initiative"]
        ]
    return result


def _fields(row: dict[str, Any], is_member: bool) -> dict[str, Any]:
    latitude, longitude = row.get("coordinates", (None, None))
    listed = bool(row.get("listed", True))
    return {
        "legal_form": row.get("legal_form", ""),
        "kind": row["kind"],
        "size_band": row.get("size_band", ""),
        "founding_year": row.get("founding_year"),
        "street": row.get("street", ""),
        "postcode": row.get("postcode", ""),
        "city": row["city"],
        "country": "DE",
        "latitude": Decimal(str(latitude)) if latitude is not None else None,
        "longitude": Decimal(str(longitude)) if longitude is not None else None,
        "website": row.get("website", ""),
        "description_de": row.get("description_de", ""),
        "description_en": row.get("description_en", ""),
        "offers": row.get("offers", ""),
        "seeks": row.get("seeks", ""),
        "status": Organisation.Status.MEMBER if is_member else Organisation.Status.PROSPECT,
        "listed_publicly": listed,
        "listing_consent_at": LISTING_CONSENT_AT if listed else None,
        "cordis_pic": (row.get("cordis_pics") or [""])[0],
    }


def load_named_organisations(
    themes: dict[str, Theme], clusters: dict[str, Cluster]
) -> dict[str, Organisation]:
    """Create or update each named organisation with themes and memberships; by key."""
    own = {slug for slug, cluster in clusters.items() if cluster.kind == Cluster.Kind.OWN}
    by_key: dict[str, Organisation] = {}
    for row in named_organisation_rows():
        memberships = membership_rows(row)
        is_member = any(slug in own for slug, _role, _day in memberships)
        organisation = Organisation.objects.filter(name=row["name"]).first() or Organisation(
            name=row["name"]
        )
        for name, value in _fields(row, is_member).items():
            setattr(organisation, name, value)
        organisation.search_text = build_search_text(organisation)
        organisation.save()
        organisation.themes.set([themes[slug] for slug in row.get("themes", [])])
        for slug, role, started_on in memberships:
            Membership.objects.update_or_create(
                organisation=organisation,
                cluster=clusters[slug],
                defaults={"role": role, "started_on": started_on, "ended_on": None},
            )
        by_key[row["key"]] = organisation
    return by_key


def cordis_pic_owners(organisations: dict[str, Organisation]) -> dict[str, Organisation]:
    """CORDIS PICs that belong to a named organisation, so CORDIS adds no duplicate of it."""
    owners: dict[str, Organisation] = {}
    for row in named_organisation_rows():
        for pic in row.get("cordis_pics", []):
            owners[pic] = organisations[row["key"]]
    return owners
