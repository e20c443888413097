"""Demo consultations of the article: the Exi-Gründungsberatung for social entrepreneurs
(Social Economy, since July 2022) and the Digi-Pate's first talks for SMEs (Smart Industries,
since July 2019), run by the clusters' managers, with a few bookings of generated founders."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from faker import Faker

from clusterhub.clusters.models import Cluster
from clusterhub.support import services
from clusterhub.support.models import Availability, ConsultationOffer


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
