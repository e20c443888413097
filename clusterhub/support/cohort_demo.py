"""Demo accelerator calls of the article: the S-Hub Accelerator (Smart Industries, open, with
generated applications, some scored) and the Life Science Accelerator BW (MedTech, closed,
with its accepted members, milestones and mentoring sessions)."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from faker import Faker

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.support import cohorts
from clusterhub.support.models import Application, Cohort, CohortEntry, Review

CRITERIA = [
    {"key": "team", "label": "Team", "weight": 30},
    {"key": "market", "label": "Markt", "weight": 25},
    {"key": "innovation", "label": "Innovation", "weight": 25},
    {"key": "fit", "label": "Passung zum Programm", "weight": 20},
]
QUESTIONS = [
    "Welches Problem lösen Sie, und für wen?",
    "Wer ist im Team, und wie viel Zeit steckt jede Person hinein?",
    "Was wollen Sie in den sechs Monaten des Programms erreichen?",
]
IDEAS = [
    "Vorausschauende Wartung für Spritzgießmaschinen mit günstigen Vibrationssensoren",
    "Digitaler Zwilling für kleine Fertigungslinien, ohne eigene IT-Abteilung nutzbar",
    "Rückverfolgung von Kunststoffrezyklaten vom Sammelhof bis zum Bauteil",
    "Kollaborativer Roboter zum Kommissionieren in Apotheken und kleinen Lagern",
    "KI-gestützte Qualitätsprüfung von Schweißnähten per Smartphone-Kamera",
    "Energiemonitoring für Handwerksbetriebe mit Vorschlägen zum Lastverschieben",
]


def _managers(*usernames: str) -> list[User]:
    return list(User.objects.filter(username__in=usernames).order_by("username"))


def _application(cohort: Cohort, fake: Faker, idea: str) -> Application:
    company = fake.last_name() + " " + fake.random_element(["Robotics", "Analytics", "Labs"])
    name = fake.name()
    return Application.objects.create(
        cohort=cohort,
        organisation_name=f"{company} UG",
        contact_name=name,
        email=f"{name.split()[-1].lower()}@example.org",
        answers=[
            {"question": QUESTIONS[0], "answer": idea},
            {"question": QUESTIONS[1], "answer": fake.sentence(nb_words=12)},
            {"question": QUESTIONS[2], "answer": "Erste Pilotkunden in der Metropolregion"},
        ],
        consent_purpose=cohorts.CONSENT_PURPOSE,
        consent_at=timezone.now() - dt.timedelta(days=fake.random_int(1, 20)),
    )


@transaction.atomic
def load_demo_cohorts(seed: int = 2026) -> int:
    """Both calls, once; returns the number of applications made."""
    if Cohort.objects.exists():
        return 0
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    chooser = random.Random(seed)
    made = 0
    now = timezone.now()
    smart = Cluster.objects.filter(slug="smart-industries").first()
    if smart is not None:
        s_hub = Cohort.objects.create(
            programme="S-Hub Accelerator",
            name="S-Hub Accelerator – Kohorte 2027",
            slug="s-hub-accelerator-2027",
            description=(
                "Sechs Monate Begleitung für Start-ups der Industrie 4.0: Mentoring durch "
                "Unternehmen des Clusters, Pitch-Training, Zugang zum Smart Production "
                "Demonstrator."
            ),
            cluster=smart,
            deadline=now + dt.timedelta(days=21),
            questions=QUESTIONS,
            criteria=CRITERIA,
        )
        reviewers = _managers("manager.smart", "manager.medtech", "reader")
        s_hub.reviewers.set(reviewers)
        for number, idea in enumerate(IDEAS):
            application = _application(s_hub, fake, idea)
            made += 1
            for reviewer in reviewers[: number % 3 + 1]:
                conflict = number == 4 and reviewer.username == "reader"
                Review.objects.create(
                    application=application,
                    reviewer=reviewer,
                    conflict_of_interest=conflict,
                    scores={} if conflict else {c["key"]: chooser.randint(2, 5) for c in CRITERIA},
                )
    medtech = Cluster.objects.filter(slug="mmt").first()
    if medtech is not None:
        life = Cohort.objects.create(
            programme="Life Science Accelerator BW",
            name="Life Science Accelerator BW – Kohorte 2026",
            slug="life-science-accelerator-2026",
            cluster=medtech,
            deadline=now - dt.timedelta(days=120),
            questions=QUESTIONS,
            criteria=CRITERIA,
        )
        startups = list(
            Organisation.objects.filter(kind=Organisation.Kind.STARTUP).order_by("-pk")[:2]
        )
        for organisation in startups:
            Application.objects.create(
                cohort=life,
                organisation_name=organisation.name,
                contact_name=fake.name(),
                email="team@example.org",
                answers=[{"question": q, "answer": fake.sentence()} for q in QUESTIONS],
                consent_purpose=cohorts.CONSENT_PURPOSE,
                consent_at=now - dt.timedelta(days=130),
                status=Application.Status.ACCEPTED,
                decided_at=now - dt.timedelta(days=100),
                organisation=organisation,
            )
            made += 1
        start = timezone.localdate() - dt.timedelta(days=90)
        for offset, kind, title in [
            (0, "milestone", "Auftakt im MAFINEX-Technologiezentrum"),
            (14, "mentoring", "Mentoring: Zulassung nach MDR"),
            (45, "mentoring", "Mentoring: Erstattung durch Krankenkassen"),
            (90, "milestone", "Zwischenpräsentation vor dem Beirat"),
            (150, "milestone", "Demo Day"),
        ]:
            CohortEntry.objects.create(
                cohort=life,
                kind=kind,
                day=start + dt.timedelta(days=offset),
                title=title,
                done=offset < 90,
            )
    return made
