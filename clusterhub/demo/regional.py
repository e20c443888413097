"""Generated, fictional organisations in Mannheim and the Rhine-Neckar region.

Everything is drawn from one seeded random generator (and Faker de_DE seeded the same
way), so a given ``seed`` and ``today`` always give the same organisations. The benchmark
in ``bench/registry`` reuses this generator for its 100,000 organisations.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from clusterhub.directory.models import Membership, Organisation
from clusterhub.directory.services import build_search_text
from clusterlogic.dedupe.normalise import name_core

from .regional_people import PersonDraft, PersonFactory
from .themes import ALL_THEMES

K = Organisation.Kind
S = Organisation.SizeBand
DATA_FILE = Path(__file__).resolve().parent / "data" / "regional.toml"

LEGAL_FORMS: dict[str, list[str]] = {
    K.STARTUP: ["GmbH", "GmbH", "UG (haftungsbeschränkt)"],
    K.SME: ["GmbH", "GmbH & Co. KG", "KG", "e. K."],
    K.LARGE: ["AG", "SE", "GmbH"],
    K.RESEARCH: ["e. V.", "gGmbH"],
    K.UNIVERSITY: ["gGmbH"],
    K.PUBLIC: ["", "AöR"],
    K.ASSOCIATION: ["e. V."],
    K.SOCIAL: ["gGmbH", "eG", "gUG (haftungsbeschränkt)"],
    K.WELFARE: ["e. V."],
}
SIZE_BANDS: dict[str, list[str]] = {
    K.STARTUP: [S.MICRO, S.MICRO, S.SMALL],
    K.SME: [S.MICRO, S.SMALL, S.SMALL, S.MEDIUM],
    K.LARGE: [S.LARGE, S.LARGE, S.VERY_LARGE],
    K.RESEARCH: [S.SMALL, S.MEDIUM, S.LARGE],
    K.UNIVERSITY: [S.MEDIUM, S.LARGE],
    K.PUBLIC: [S.SMALL, S.MEDIUM, S.LARGE],
    K.ASSOCIATION: [S.MICRO, S.SMALL],
    K.SOCIAL: [S.MICRO, S.SMALL, S.MEDIUM],
    K.WELFARE: [S.SMALL, S.MEDIUM, S.LARGE],
}
FOUNDED: dict[str, tuple[int, int]] = {
    K.STARTUP: (2014, 2025),
    K.SME: (1950, 2020),
    K.LARGE: (1870, 1995),
    K.RESEARCH: (1960, 2020),
    K.UNIVERSITY: (1970, 2015),
    K.PUBLIC: (1950, 2020),
    K.ASSOCIATION: (1900, 2022),
    K.SOCIAL: (2005, 2024),
    K.WELFARE: (1890, 2015),
}
KIND_DE: dict[str, str] = {
    K.STARTUP: "ein Start-up",
    K.SME: "ein mittelständisches Unternehmen",
    K.LARGE: "ein Industrieunternehmen",
    K.RESEARCH: "eine Forschungseinrichtung",
    K.UNIVERSITY: "eine private Hochschule",
    K.PUBLIC: "eine öffentliche Einrichtung",
    K.ASSOCIATION: "ein Verband",
    K.SOCIAL: "ein Sozialunternehmen",
    K.WELFARE: "eine Wohlfahrtsorganisation",
}
KIND_EN: dict[str, str] = {
    K.STARTUP: "a start-up",
    K.SME: "a mid-sized company",
    K.LARGE: "an industrial company",
    K.RESEARCH: "a research institute",
    K.UNIVERSITY: "a private university",
    K.PUBLIC: "a public body",
    K.ASSOCIATION: "an association",
    K.SOCIAL: "a social enterprise",
    K.WELFARE: "a welfare organisation",
}
THEME_LABELS = {spec.slug: (spec.label_de, spec.label_en) for spec in ALL_THEMES}
STARTUP_ENDINGS = ["ly", "io", "ify", "tec", "flow", "labs", "mind", "works", "nova", "x", "loop"]
PUBLIC_NAMES = ["Innovationsbüro", "Gründungszentrum", "Technologietransferstelle", "Quartiersbüro"]
ASSOCIATION_NAMES = ["Arbeitskreis", "Initiative", "Netzwerk", "Fachverband"]
SOCIAL_NAMES = ["Quartierswerk", "Zukunftswerk", "Brückenschlag", "Werkraum", "Chancenwerk"]
WELFARE_NAMES = ["Nachbarschaftshilfe", "Sozialstation", "Jugendhilfe", "Familienzentrum"]
# Start of each own cluster's work (article): members joined after it.
CLUSTER_SINCE = {
    "mmt": 2011,
    "smart-industries": 2019,
    "social-economy": 2018,
    "green-industry": 2022,
}
NAME_ATTEMPTS = 8  # fresh draws before a repeated name gets its district added
STATUS_WEIGHTS = {"member": 35, "former": 8, "prospect": 57}
ROLE_WEIGHTS = {"member": 80, "partner": 10, "board": 5, "founding": 5}


@dataclass(frozen=True)
class MembershipDraft:
    cluster_slug: str
    role: str
    started_on: date
    ended_on: date | None


@dataclass
class OrganisationDraft:
    """An unsaved organisation with what belongs to it, before ids exist."""

    organisation: Organisation
    sector: str
    theme_slugs: list[str]
    memberships: list[MembershipDraft]
    people: list[PersonDraft]


def vocabulary() -> dict[str, Any]:
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


class RegionalGenerator:
    """Draws fictional organisations; the same seed and ``today`` give the same ones."""

    def __init__(self, seed: int, today: date, taken_names: Iterable[str] = ()) -> None:
        self.rng = random.Random(seed)
        # Every name drawn so far and every name already stored, case-folded: the public
        # directory lists organisations by name, so no two may share one.
        # Names are told apart as the duplicate finder does: "Aquaflow GmbH" and "Aquaflow UG"
        # would be one organisation twice in a row in the directory.
        self.taken = {name_core(name) for name in taken_names}
        faker = Faker("de_DE")
        faker.seed_instance(seed)
        self.today = today
        words = vocabulary()
        self.cities: list[dict[str, Any]] = words["city"]
        self.city_weights = [city["weight"] for city in self.cities]
        self.sectors: dict[str, dict[str, Any]] = words["sector"]
        self.sector_names = list(self.sectors)
        self.sector_weights = [self.sectors[name]["weight"] for name in self.sector_names]
        # Pools drawn once: Faker per row would dominate the time for 100,000 rows.
        self.surnames = sorted({faker.last_name() for _ in range(1500)})
        self.streets = sorted({faker.street_name() for _ in range(800)})
        self.people = PersonFactory(self.rng, faker, today)

    def _choice(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _name(self, kind: str, sector: dict[str, Any], city: str, district: str) -> str:
        rng = self.rng
        region = rng.choice([city, "Rhein-Neckar", "Kurpfalz"])
        base: str
        if kind == K.STARTUP:
            base = rng.choice(sector["syllables"]) + rng.choice(STARTUP_ENDINGS)
        elif kind == K.SME:
            base = f"{rng.choice(self.surnames)} {rng.choice(sector['trades'])}"
        elif kind == K.LARGE:
            suffix = rng.choice(["Gruppe", "Werke", "Industries", "Holding"])
            base = f"{rng.choice(self.surnames)} {rng.choice(sector['trades'])} {suffix}"
        elif kind == K.RESEARCH:
            base = f"Institut für {rng.choice(sector['fields'])} {region}"
        elif kind == K.UNIVERSITY:
            base = f"Akademie für {rng.choice(sector['fields'])} {city}"
        elif kind == K.PUBLIC:
            base = f"{rng.choice(PUBLIC_NAMES)} {district}"
        elif kind == K.ASSOCIATION:
            base = f"{rng.choice(ASSOCIATION_NAMES)} {rng.choice(sector['trades'])} {region}"
        elif kind == K.SOCIAL:
            base = f"{rng.choice(SOCIAL_NAMES)} {district}"
        else:
            base = f"{rng.choice(WELFARE_NAMES)} {district}"
        return base

    def _unique_name(
        self, kind: str, sector: dict[str, Any], city: str, district: str, legal_form: str
    ) -> tuple[str, str]:
        """A base name and the full name, unlike any drawn or stored before.

        The vocabulary is small ("Akademie für <field> <city>"), so thousands of draws repeat
        names: a few fresh draws, then the district, then a number tell them apart.
        """
        for _attempt in range(NAME_ATTEMPTS):
            base = self._name(kind, sector, city, district)
            if self._claim(base, legal_form):
                return base, f"{base} {legal_form}".strip()
        stem = candidate = base if base.endswith(district) else f"{base} {district}"
        number = 2
        while not self._claim(candidate, legal_form):
            candidate, number = f"{stem} {number}", number + 1
        return candidate, f"{candidate} {legal_form}".strip()

    def _claim(self, base: str, legal_form: str) -> bool:
        key = name_core(f"{base} {legal_form}")
        if key in self.taken:
            return False
        self.taken.add(key)
        return True

    def _memberships(self, sector: dict[str, Any], status: str) -> list[MembershipDraft]:
        rng, today = self.rng, self.today
        result: list[MembershipDraft] = []

        def joined(slug: str) -> date:
            first = date(CLUSTER_SINCE.get(slug, 2012), 1, 1)
            return first + timedelta(days=rng.randrange(max(1, (today - first).days)))

        if status in {"member", "former"}:
            slugs = [sector["cluster"]]
            if rng.random() < 0.15:
                slugs.append(rng.choice([s["cluster"] for s in self.sectors.values()]))
            for slug in dict.fromkeys(slugs):
                started = joined(slug)
                ended = None
                if status == "former":
                    ended = started + timedelta(
                        days=rng.randrange(1, max(2, (today - started).days))
                    )
                result.append(MembershipDraft(slug, self._choice(ROLE_WEIGHTS), started, ended))
        if sector["networks"] and rng.random() < (0.25 if status == "member" else 0.08):
            slug = rng.choice(sector["networks"])
            result.append(MembershipDraft(slug, Membership.Role.MEMBER, joined(slug), None))
        return result

    def draft(self, with_people: bool = True) -> OrganisationDraft:
        rng = self.rng
        sector_name = rng.choices(self.sector_names, weights=self.sector_weights)[0]
        sector = self.sectors[sector_name]
        kind = self._choice(sector["kinds"])
        city = rng.choices(self.cities, weights=self.city_weights)[0]
        district = rng.choice(city["districts"])
        legal_form = rng.choice(LEGAL_FORMS[kind])
        base, name = self._unique_name(kind, sector, city["name"], district, legal_form)
        themes = rng.sample(sector["themes"], k=rng.randint(2, min(4, len(sector["themes"]))))
        if rng.random() < 0.3:
            themes.append(rng.choice(["innovation", "nachhaltigkeit", "fachkraefte", "esg"]))
        themes = list(dict.fromkeys(themes))
        status = self._choice(STATUS_WEIGHTS)
        offers = rng.sample(sector["offers"], k=2)
        seeks = rng.sample(sector["seeks"], k=rng.randint(1, 2))
        listed = rng.random() < {"member": 0.5, "former": 0.05, "prospect": 0.1}[status]
        latitude = city["centre"][0] + rng.gauss(0, 0.012)
        longitude = city["centre"][1] + rng.gauss(0, 0.018)
        domain = f"{slugify(base)[:50] or 'organisation'}.example"
        organisation = Organisation(
            name=name,
            legal_form=legal_form,
            kind=kind,
            size_band=rng.choice(SIZE_BANDS[kind]),
            founding_year=rng.randint(*FOUNDED[kind]),
            street=f"{rng.choice(self.streets)} {rng.randint(1, 180)}",
            postcode=rng.choice(city["postcodes"]),
            city=city["name"],
            country="DE",
            latitude=Decimal(f"{latitude:.6f}"),
            longitude=Decimal(f"{longitude:.6f}"),
            website=f"https://www.{domain}/",
            description_de=" ".join(description_de_of(name, kind, city["name"], themes)),
            description_en=" ".join(description_en_of(name, kind, city["name"], themes)),
            offers="; ".join(offers),
            seeks="; ".join(seeks),
            status=status,
            listed_publicly=listed,
            listing_consent_at=self._moment(3 * 365) if listed else None,
        )
        organisation.search_text = build_search_text(organisation)
        people = self.people.draw(domain) if with_people else []
        return OrganisationDraft(
            organisation, sector_name, themes, self._memberships(sector, status), people
        )

    def _moment(self, within_days: int) -> datetime:
        day = self.today - timedelta(days=self.rng.randrange(within_days))
        return timezone.make_aware(datetime.combine(day, time(9 + self.rng.randrange(9))))


def description_de_of(name: str, kind: str, city: str, themes: list[str]) -> list[str]:
    labels = [THEME_LABELS.get(slug, (slug, slug))[0] for slug in themes]
    return [f"{name} ist {KIND_DE[kind]} aus {city}.", f"Schwerpunkte: {', '.join(labels)}."]


def description_en_of(name: str, kind: str, city: str, themes: list[str]) -> list[str]:
    labels = [THEME_LABELS.get(slug, (slug, slug))[1] for slug in themes]
    return [f"{name} is {KIND_EN[kind]} based in {city}.", f"Focus: {', '.join(labels)}."]
