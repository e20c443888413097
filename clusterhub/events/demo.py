"""Demo data for events: the article's formats, a history of past events with registrations,
and a few upcoming events. Loaded by ``manage.py load_demo_events``; people are Faker de_DE."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from faker import Faker

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation, Person
from clusterhub.events.models import Event, Format, Registration
from clusterhub.events.planning import plan_events

BERLIN = ZoneInfo("Europe/Berlin")
Status = Registration.Status
# Where participants of the international formats come from (the summit had 102 countries).
COUNTRIES = [
    "DE", "DE", "DE", "DE", "DE", "FR", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH",
    "PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "GR", "CY", "MT", "IE", "DK", "SE",
    "FI", "EE", "LV", "LT", "NO", "IS", "GB", "UA", "MD", "RS", "BA", "ME", "MK", "AL",
    "TR", "MA", "TN", "EG", "ZA", "KE", "NG", "GH", "SN", "CA", "US", "MX", "BR", "AR",
    "CL", "CO", "IN", "JP", "KR", "AU", "NZ",
]  # fmt: skip
OWN_CLUSTERS = ("smart-industries", "mmt", "social-economy", "green-industry")


@dataclass(frozen=True)
class FormatSpec:
    slug: str
    name: str
    description: str
    clusters: tuple[str, ...]
    rule: str
    first: dt.datetime
    minutes: int
    venue: str
    address: str
    capacity: int
    online_url: str = ""
    international: bool = False


def _at(year: int, month: int, day: int, hour: int = 18) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=BERLIN)


FORMATS = (
    FormatSpec(
        "open-social-innovation-forum",
        "Open Social Innovation Forum",
        "Dreimal im Jahr: Sozialunternehmen, Social Entrepreneurs, Wohlfahrt und Wissenschaft "
        "treffen sich zu einem Vortrag und zum Netzwerken.",
        ("social-economy",),
        "FREQ=MONTHLY;INTERVAL=4",
        _at(2022, 3, 17),
        180,
        "Alte Feuerwache",
        "Brückenstraße 2, 68167 Mannheim",
        80,
    ),
    FormatSpec(
        "social-innovation-bar",
        "Social Innovation Bar",
        "Für junge Social Entrepreneurs und alle, die es werden wollen – seit Juli 2023.",
        ("social-economy",),
        "FREQ=MONTHLY;INTERVAL=3",
        _at(2023, 7, 13, 19),
        150,
        "CUBEX ONE",
        "Franz-Volhard-Straße 5, 68167 Mannheim",
        40,
    ),
    FormatSpec(
        "netzwerkforum",
        "Netzwerkforum Smart Production",
        "Das halbjährliche Forum der Mitglieder des Clusters Smart Industries.",
        ("smart-industries",),
        "FREQ=MONTHLY;INTERVAL=6",
        _at(2021, 4, 22, 16),
        210,
        "MAFINEX-Technologiezentrum",
        "Julius-Hatry-Straße 1, 68163 Mannheim",
        120,
    ),
    FormatSpec(
        "umsetzbar",
        "UmsetzBar",
        "Das Kooperationsformat seit 2018: Mitglieder setzen gemeinsame Vorhaben um.",
        ("smart-industries",),
        "FREQ=MONTHLY;INTERVAL=6",
        _at(2021, 7, 8, 17),
        150,
        "MAFINEX-Technologiezentrum",
        "Julius-Hatry-Straße 1, 68163 Mannheim",
        35,
    ),
    FormatSpec(
        "netzwerk-factory-tours",
        "Netzwerk Factory Tours",
        "Seit 2022: Einblicke in die Welt der Smart Industry über die Region hinaus.",
        ("smart-industries",),
        "FREQ=MONTHLY;INTERVAL=4",
        _at(2022, 5, 12, 10),
        240,
        "Treffpunkt Hauptbahnhof Mannheim",
        "Willy-Brandt-Platz 17, 68161 Mannheim",
        25,
    ),
    FormatSpec(
        "4-cluster-ein-thema",
        "4 Cluster – ein Thema",
        "Die Cross-Cluster-Reihe seit Mai 2023; zur Premiere ging es um ESG.",
        OWN_CLUSTERS,
        "FREQ=MONTHLY;INTERVAL=6",
        _at(2023, 5, 11, 17),
        180,
        "Stadthaus N1",
        "N1, 68161 Mannheim",
        150,
    ),
    FormatSpec(
        "road-to-mannheim",
        "Road to Mannheim",
        "Acht digitale Veranstaltungen zur Vorbereitung des European Social Economy Summit.",
        ("social-economy",),
        "FREQ=MONTHLY;COUNT=8",
        _at(2020, 9, 24, 15),
        120,
        "",
        "",
        600,
        "https://events.example/road-to-mannheim",
        True,
    ),
)
SUMMIT = FormatSpec(
    "european-social-economy-summit",
    "European Social Economy Summit",
    "Gemeinsam mit der EU-Kommission: der größte Kongress der Sozialwirtschaft 2021.",
    ("social-economy",),
    "",
    _at(2021, 5, 26, 9),
    60 * 33,
    "Congress Center Rosengarten",
    "Rosengartenplatz 2, 68161 Mannheim",
    4500,
    "https://events.example/euses-2021",
    True,
)


@dataclass(frozen=True)
class SoonSpec:
    """A one-off event a few days from the day the demo is loaded, so the calendar, the
    check-in and the waitlist have something close at hand whenever the demo runs."""

    title: str
    description: str
    clusters: tuple[str, ...]
    days_ahead: int
    hour: int
    minutes: int
    venue: str
    address: str
    capacity: int
    booked: int  # registrations; beyond the capacity they wait


SOON = (
    SoonSpec(
        "MedTech-Frühstück: Digitale Gesundheitsanwendungen",
        "Kleine Runde im Mannheimer Medizintechnik-Cluster; die Plätze sind vergeben, die "
        "Warteliste ist offen.",
        ("mmt",),
        6,
        8,
        90,
        "Medizintechnikzentrum MTZ",
        "Theodor-Kutzer-Ufer 1-3, 68167 Mannheim",
        3,
        5,
    ),
    SoonSpec(
        "Green-Tech-Stammtisch: Abwärme nutzen",
        "Unternehmen aus dem Green Industry Cluster berichten aus der Praxis.",
        ("green-industry",),
        13,
        18,
        120,
        "MAFINEX-Technologiezentrum",
        "Julius-Hatry-Straße 1, 68163 Mannheim",
        30,
        12,
    ),
)


@dataclass
class People:
    rng: random.Random
    faker: Faker
    persons: list[Person]
    organisations: list[Organisation]

    def draw(self, count: int) -> list[Person]:
        missing = count - len(self.persons)
        if missing > 0:
            self.persons.extend(
                Person.objects.bulk_create(
                    Person(
                        first_name=self.faker.first_name(),
                        last_name=self.faker.last_name(),
                        email=f"teilnahme{len(self.persons) + index}@demo.example",
                    )
                    for index in range(missing)
                )
            )
        return self.rng.sample(self.persons, count)


def _format(spec: FormatSpec) -> Format:
    event_format, _created = Format.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "description": spec.description,
            "recurrence": spec.rule,
            "series_start": spec.first,
            "default_duration_minutes": spec.minutes,
            "default_venue": spec.venue,
            "default_address": spec.address,
            "default_capacity": spec.capacity,
        },
    )
    event_format.clusters.set(Cluster.objects.filter(slug__in=spec.clusters))
    return event_format


def _history(event: Event, people: People, spec: FormatSpec, now: dt.datetime) -> int:
    """Registrations for one event: attended/no-show when past, confirmed/waitlisted ahead."""
    past = event.ends_at < now
    # Large international events are sampled so the demo stays quick to load.
    wanted = min(int(event.capacity * people.rng.uniform(0.6, 1.1)), 300)
    if not past:
        wanted = min(wanted, event.capacity // 2 + people.rng.randint(0, 5))
    rows = []
    addresses: set[str] = set()
    for index, person in enumerate(people.draw(wanted)):
        # One live registration per address and event (a database constraint).
        if person.email.casefold() in addresses:
            continue
        addresses.add(person.email.casefold())
        organisation = people.rng.choice(people.organisations) if people.organisations else None
        if past:
            status = Status.ATTENDED if people.rng.random() < 0.82 else Status.NO_SHOW
            status = Status.CANCELLED if people.rng.random() < 0.05 else status
        else:
            status = Status.CONFIRMED if index < event.capacity else Status.WAITLISTED
        rows.append(
            Registration(
                event=event,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                person=person,
                registry_reviewed_at=now,
                organisation=organisation,
                organisation_name=organisation.name if organisation else "",
                country=people.rng.choice(COUNTRIES) if spec.international else "DE",
                status=status,
                waitlist_position=index + 1 if status == Status.WAITLISTED else None,
            )
        )
    Registration.objects.bulk_create(rows)
    return len(rows)


def _soon(spec: SoonSpec, people: People, now: dt.datetime) -> tuple[Event, int]:
    day = timezone.localtime(now, BERLIN).date() + dt.timedelta(days=spec.days_ahead)
    start = dt.datetime.combine(day, dt.time(spec.hour), tzinfo=BERLIN)
    event = Event.objects.create(
        title=spec.title,
        description=spec.description,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=spec.minutes),
        venue=spec.venue,
        address=spec.address,
        capacity=spec.capacity,
    )
    event.clusters.set(Cluster.objects.filter(slug__in=spec.clusters))
    rows = [
        Registration(
            event=event,
            person=person,
            country="DE",
            status=Status.CONFIRMED if index < spec.capacity else Status.WAITLISTED,
            waitlist_position=index + 1 if index >= spec.capacity else None,
        )
        for index, person in enumerate(people.draw(spec.booked))
    ]
    Registration.objects.bulk_create(rows)
    return event, len(rows)


@transaction.atomic
def load_demo_events(
    seed: int = 2026, until_days: int = 365, now: dt.datetime | None = None
) -> tuple[int, int]:
    """Create the formats, their events up to a year ahead, a few one-off events in the coming
    days, and registrations; idempotent per format (events of a format that already has
    events are left alone) and per one-off title. Dates count from ``now`` (the load)."""
    rng = random.Random(seed)
    faker = Faker("de_DE")
    faker.seed_instance(seed)
    now = now or timezone.now()
    people = People(
        rng=rng,
        faker=faker,
        persons=list(Person.objects.exclude(email="").order_by("pk")[:3000]),
        organisations=list(Organisation.objects.order_by("pk")[:2000]),
    )
    events = registrations = 0
    for spec in (*FORMATS, SUMMIT):
        event_format = _format(spec)
        if event_format.events.exists():
            continue
        if spec.rule:
            planned = plan_events(None, event_format, now + dt.timedelta(days=until_days))
        else:
            planned = [
                Event.objects.create(
                    format=event_format,
                    title=spec.name,
                    description=spec.description,
                    starts_at=spec.first,
                    ends_at=spec.first + dt.timedelta(minutes=spec.minutes),
                    venue=spec.venue,
                    address=spec.address,
                    capacity=spec.capacity,
                )
            ]
            planned[0].clusters.set(event_format.clusters.all())
        for event in planned:
            if spec.online_url:
                event.online_url = spec.online_url
                event.language = Event.Language.BOTH if spec.international else event.language
                event.save(update_fields=["online_url", "language"])
            events += 1
            registrations += _history(event, people, spec, now)
    for soon in SOON:
        if not Event.objects.filter(title=soon.title, format__isnull=True).exists():
            _event, booked = _soon(soon, people, now)
            events += 1
            registrations += booked
    return events, registrations
