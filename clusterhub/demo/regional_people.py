"""Generated, fictional people for the regional organisations, with consents.

Names come from Faker (de_DE); e-mail addresses use the organisation's ``.example``
domain, and phone numbers lie in the ranges the Bundesnetzagentur keeps free for film
and TV ("drama numbers"), so no real person can be reached through the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from faker import Faker

from clusterhub.directory.models import Consent, Person

# Fictional-use ranges: 030 23125 000-999, 069 90009 000-999, 040 66969 000-999.
DRAMA_PREFIXES = ["+49 30 23125", "+49 69 90009", "+49 40 66969"]
FUNCTIONS = [
    "Geschäftsführung",
    "Innovationsmanagement",
    "Leitung Forschung & Entwicklung",
    "Personalleitung",
    "Nachhaltigkeitsmanagement",
    "Vorstand",
    "Projektleitung",
    "Vertrieb",
    "Kommunikation",
]
CONSENT_SOURCES = [
    "Anmeldeformular Netzwerkforum (schriftlich)",
    "Online-Formular Newsletter (Double-Opt-in)",
    "Einwilligungserklärung beim Erstgespräch",
    "E-Mail-Bestätigung nach Messegespräch",
]
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})


@dataclass(frozen=True)
class ConsentDraft:
    purpose: str
    given_at: datetime
    source: str
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class PersonDraft:
    first_name: str
    last_name: str
    email: str
    phone: str
    preferred_language: str
    function: str
    consents: tuple[ConsentDraft, ...]

    def person(self) -> Person:
        return Person(
            first_name=self.first_name,
            last_name=self.last_name,
            email=self.email,
            phone=self.phone,
            preferred_language=self.preferred_language,
        )

    def consent_rows(self, person_id: int) -> list[Consent]:
        return [
            Consent(
                person_id=person_id,
                purpose=c.purpose,
                given_at=c.given_at,
                source=c.source,
                withdrawn_at=c.withdrawn_at,
            )
            for c in self.consents
        ]


def mailbox(first_name: str, last_name: str) -> str:
    """ASCII local part of an address: "Jürgen Weiß" -> "juergen.weiss"."""
    raw = f"{first_name}.{last_name}".lower().translate(_ASCII)
    return "".join(ch for ch in raw if ch.isascii() and (ch.isalnum() or ch in ".-"))


class PersonFactory:
    def __init__(self, rng: random.Random, faker: Faker, today: date) -> None:
        self.rng = rng
        self.today = today
        self.first_names = sorted(
            {faker.first_name_female() for _ in range(400)}
            | {faker.first_name_male() for _ in range(400)}
        )
        self.last_names = sorted({faker.last_name() for _ in range(1500)})
        self.purposes = list(Consent.Purpose.values)

    def _consents(self) -> tuple[ConsentDraft, ...]:
        rng = self.rng
        drafts = []
        for purpose in rng.sample(self.purposes, k=rng.choice([0, 1, 1, 2, 3])):
            day = self.today - timedelta(days=rng.randrange(30, 4 * 365))
            given = timezone.make_aware(datetime.combine(day, time(8 + rng.randrange(10))))
            withdrawn = None
            if rng.random() < 0.05:
                withdrawn = given + timedelta(days=rng.randrange(1, (self.today - day).days + 1))
            drafts.append(ConsentDraft(purpose, given, rng.choice(CONSENT_SOURCES), withdrawn))
        return tuple(drafts)

    def draw(self, domain: str) -> list[PersonDraft]:
        rng = self.rng
        count = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
        functions = rng.sample(FUNCTIONS, k=count)
        drafts = []
        for function in functions:
            first, last = rng.choice(self.first_names), rng.choice(self.last_names)
            drafts.append(
                PersonDraft(
                    first_name=first,
                    last_name=last,
                    email=f"{mailbox(first, last)}@{domain}",
                    phone=f"{rng.choice(DRAMA_PREFIXES)} {rng.randrange(1000):03d}",
                    preferred_language=Person.Language.EN
                    if rng.random() < 0.1
                    else Person.Language.DE,
                    function=function,
                    consents=self._consents(),
                )
            )
        return drafts
