"""Demo consultations of the article: the Exi-Gründungsberatung for social entrepreneurs
(Social Economy, since July 2022) and the Digi-Pate's first talks for SMEs (Smart Industries,
since July 2019), run by the clusters' managers, with a few bookings of generated founders."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from faker import Faker

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.support import cohort_demo, ewc, places, services
from clusterhub.support.models import (
    Availability,
    Building,
    CoExhibitor,
    ConsultationOffer,
    FairDeadline,
    FairLead,
    JointStand,
    MaterialStream,
    Room,
    Tenancy,
)


@dataclass(frozen=True)
class OfferSpec:
    slug: str
    name: str
    cluster: str
    adviser: str
    duration_minutes: int
    location: str
    description: str
    hours: list[tuple[int, int, int]]  # (weekday, from hour, to hour)


OFFERS = [
    OfferSpec(
        slug="exi-gruendungsberatung",
        name="Exi-Gründungsberatung für Sozialunternehmen",
        cluster="social-economy",
        adviser="manager.social",
        duration_minutes=60,
        location="Social Impact Lab Mannheim, Hafenstraße 49",
        description=(
            "Kostenfreie Beratung für Gründerinnen und Gründer von Sozialunternehmen: "
            "Geschäftsmodell, Rechtsform, Finanzierung und Förderprogramme. Gefördert im "
            "Programm Existenzgründungsberatung des Landes; in Mannheim seit Juli 2022."
        ),
        hours=[(1, 9, 12), (3, 13, 16)],
    ),
    OfferSpec(
        slug="digi-pate-erstgespraech",
        name="Digi-Pate: Erstgespräch Digitalisierung",
        cluster="smart-industries",
        adviser="manager.smart",
        duration_minutes=45,
        location="Smart Production Demonstrator, MAFINEX-Technologiezentrum",
        description=(
            "Der Digi-Pate begleitet kleine und mittlere Unternehmen seit Juli 2019 in die "
            "Digitalisierung: ein erstes Gespräch über Ihren Bedarf, danach Kontakte zu "
            "Fachleuten aus dem Netzwerk."
        ),
        hours=[(0, 9, 12), (2, 9, 12), (4, 10, 12)],
    ),
]


@transaction.atomic
def load_demo_consultations(seed: int = 2026) -> tuple[int, int]:
    """The offers with their weekly hours and a few bookings; returns (offers, bookings).
    Offers whose cluster or adviser the demo lacks are left out."""
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    chooser = random.Random(seed)
    offers = bookings = 0
    for spec in OFFERS:
        cluster = Cluster.objects.filter(slug=spec.cluster).first()
        adviser = User.objects.filter(username=spec.adviser).first()
        if cluster is None or adviser is None:
            continue
        offer, _created = ConsultationOffer.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "cluster": cluster,
                "duration_minutes": spec.duration_minutes,
                "location": spec.location,
                "description": spec.description,
            },
        )
        offer.advisers.add(adviser)
        for weekday, start, end in spec.hours:
            Availability.objects.get_or_create(
                offer=offer,
                adviser=adviser,
                weekday=weekday,
                starts_at=dt.time(start),
                ends_at=dt.time(end),
            )
        offers += 1
        free = services.free_slots(offer)
        for slot in chooser.sample(free, k=min(4, len(free))):
            name = fake.name()
            request = services.BookingRequest(
                name=name,
                email=f"{fake.user_name()}@example.org",
                topic=chooser.choice(
                    [
                        "Gründung einer gemeinnützigen GmbH für Inklusionsarbeit",
                        "Finanzierung eines Repair-Cafés als Sozialunternehmen",
                        "Digitalisierung der Auftragsabwicklung im Handwerksbetrieb",
                        "Einstieg in vorausschauende Wartung unserer Maschinen",
                    ]
                ),
            )
            services.book_consultation(offer, slot.key, request)
            bookings += 1
    return offers, bookings


# (organisation, offer or need, material, code, tonnes a year, accepts) — plausible streams of
# the region's firms for the circular-economy consortium; invented quantities.
STREAMS = [
    (
        "Essity Operations Mannheim GmbH",
        "offer",
        "Faserreststoffe aus der Tissue-Herstellung",
        "030305",
        5000,
        "exact",
    ),
    (
        "MVV Energie AG",
        "need",
        "Faserreststoffe zur energetischen Verwertung",
        "030305",
        8000,
        "group",
    ),
    (
        "Daimler Truck AG",
        "offer",
        "Aluminiumspäne aus der Motorenfertigung",
        "120103",
        250,
        "exact",
    ),
    ("ABB AG", "need", "Aluminium-Recyclat für Gehäuseguss", "120103", 100, "group"),
    (
        "Staatliche Rhein-Neckar-Hafengesellschaft Mannheim mbH",
        "offer",
        "Holzpaletten und Verpackungsholz",
        "150103",
        1200,
        "exact",
    ),
    ("MVV Energie AG", "need", "Altholz für das Biomassekraftwerk", "150103", 20000, "exact"),
    ("BASF SE", "offer", "Gips aus der Rauchgasentschwefelung", "100105", 40000, "exact"),
]


@transaction.atomic
def load_demo_streams() -> int:
    """The demo's material streams, for the organisations the demo has; returns how many."""
    made = 0
    for name, kind, material, code, tonnes, accepts in STREAMS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            continue
        city = organisation.city or "Mannheim"
        place = places.coordinates(city)
        _stream, created = MaterialStream.objects.get_or_create(
            organisation=organisation,
            kind=kind,
            ewc_code=code,
            defaults={
                "material": material,
                "hazardous": ewc.codes()[code].hazardous,
                "tonnes_per_year": tonnes,
                "city": city,
                "latitude": place[0] if place else None,
                "longitude": place[1] if place else None,
                "accepts": accepts,
            },
        )
        made += int(created)
    return made


# The founders' centres of the article with a few rooms each; tenants are the demo's start-ups.
BUILDINGS = [
    (
        "cubex-41",
        "CUBEX 41",
        "Franz-Volhard-Straße, 68167 Mannheim",
        "Medizintechnik",
        "mmt",
        [
            ("A 1.01", "office", 24),
            ("A 1.02", "office", 36),
            ("Labor 1", "lab", 48),
            ("Besprechung", "meeting", 30),
        ],
    ),
    (
        "cubex-one",
        "CUBEX ONE",
        "Franz-Volhard-Straße, 68167 Mannheim",
        "Medizintechnik, Life Sciences",
        "mmt",
        [("E 0.10", "office", 40), ("E 0.11", "office", 18), ("Coworking", "desk", 60)],
    ),
    (
        "mafinex",
        "MAFINEX-Technologiezentrum",
        "Julius-Hatry-Straße 1, 68163 Mannheim",
        "Digitale Geschäftsmodelle, Smart Production",
        "smart-industries",
        [
            ("2.01", "office", 22),
            ("2.02", "office", 22),
            ("2.03", "office", 45),
            ("Smart Production Demonstrator", "demonstrator", 120),
            ("Konferenzraum", "meeting", 50),
        ],
    ),
]


@transaction.atomic
def load_demo_space(seed: int = 2026) -> int:
    """Buildings and rooms; about two thirds of the offices let to demo start-ups, some
    contracts ending within months. Returns the number of contracts."""
    chooser = random.Random(seed)
    startups = list(Organisation.objects.filter(kind=Organisation.Kind.STARTUP).order_by("pk")[:40])
    today = dt.date.today()
    contracts = 0
    for slug, name, address, focus, cluster_slug, rooms in BUILDINGS:
        if Building.objects.filter(slug=slug).exists():
            continue  # loaded before: the demo adds nothing twice
        building, _created = Building.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "address": address,
                "focus": focus,
                "cluster": Cluster.objects.filter(slug=cluster_slug).first(),
            },
        )
        for room_name, kind, size in rooms:
            room, _made = Room.objects.get_or_create(
                building=building,
                name=room_name,
                defaults={
                    "kind": kind,
                    "size_sqm": size,
                    "monthly_price": size * 14,
                    "capacity": 20 if kind in {"meeting", "demonstrator"} else 1,
                },
            )
            if room.is_bookable or not startups or chooser.random() < 0.3:
                continue
            if Tenancy.objects.filter(room=room).exists():
                continue
            starts = today - dt.timedelta(days=chooser.randint(60, 700))
            ends = today + dt.timedelta(days=chooser.randint(20, 500))
            Tenancy.objects.create(
                room=room,
                organisation=startups.pop(0),
                starts_on=starts,
                ends_on=ends,
                monthly_rent=size * 14,
            )
            contracts += 1
    return contracts


def load_demo_cohorts(seed: int = 2026) -> int:
    """The accelerator calls (S-Hub Accelerator, Life Science Accelerator BW), in a module of
    their own; returns the number of applications."""
    return cohort_demo.load_demo_cohorts(seed)


# The Hannover Messe 2027 (12 to 16 April 2027, as announced by Deutsche Messe).
HANNOVER_MESSE_2027 = (dt.date(2027, 4, 12), dt.date(2027, 4, 16))
FAIR_DEADLINES = [
    ("Standbau-Unterlagen (Grafik, Strom, Mobiliar)", dt.date(2027, 2, 15), 14),
    ("Katalogeintrag und Ausstellerausweise", dt.date(2027, 3, 1), 10),
    ("Anlieferung der Exponate", dt.date(2027, 4, 8), 7),
]


@transaction.atomic
def load_demo_fairs(seed: int = 2026) -> int:
    """The Smart Industries cluster's joint stand at the Hannover Messe 2027 with co-exhibitors
    from the cluster's members (the last on the waiting list), its logistics deadlines and a
    lead from the last fair. Returns the number of co-exhibitors."""
    cluster = Cluster.objects.filter(slug="smart-industries").first()
    if cluster is None or JointStand.objects.filter(slug="hannover-messe-2027").exists():
        return 0
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    starts, ends = HANNOVER_MESSE_2027
    stand = JointStand.objects.create(
        fair="Hannover Messe 2027",
        slug="hannover-messe-2027",
        place="Messegelände Hannover, Halle 16",
        starts_on=starts,
        ends_on=ends,
        cluster=cluster,
        places=6,
        total_cost=Decimal("48600.00"),
        cost_rule=JointStand.CostRule.AREA,
    )
    members = list(
        Organisation.objects.filter(memberships__cluster=cluster).distinct().order_by("name")[:8]
    )
    for index, organisation in enumerate(members):
        name = fake.name()
        CoExhibitor.objects.create(
            stand=stand,
            organisation=organisation,
            status=(
                CoExhibitor.Status.ACCEPTED if index < stand.places else CoExhibitor.Status.WAITING
            ),
            area_sqm=Decimal((6, 9, 12)[index % 3]),
            contact_name=name,
            contact_email=f"{fake.user_name()}@example.org",
        )
    for title, due_on, remind_days in FAIR_DEADLINES:
        FairDeadline.objects.create(
            stand=stand, title=title, due_on=due_on, remind_days=remind_days
        )
    FairLead.objects.create(
        stand=stand,
        organisation_name="Fertigungstechnik Nord GmbH",
        contact=f"{fake.name()}, Leitung Produktion",
        note="Interesse an Predictive Maintenance; Besuch im Smart Production Demonstrator.",
    )
    return len(members)
