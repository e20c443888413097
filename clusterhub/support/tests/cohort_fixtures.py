"""An S-Hub Accelerator call of the smart cluster with two questions and a four-part sheet."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.support import cohorts
from clusterhub.support.models import Application, Cohort

CRITERIA = [
    {"key": "team", "label": "Team", "weight": 30},
    {"key": "market", "label": "Markt", "weight": 25},
    {"key": "innovation", "label": "Innovation", "weight": 25},
    {"key": "fit", "label": "Passung zum Programm", "weight": 20},
]
QUESTIONS = ["Welches Problem lösen Sie?", "Wer ist in Ihrem Team?"]


def make_cohort(cluster: Cluster, **fields: object) -> Cohort:
    defaults: dict[str, object] = {
        "programme": "S-Hub Accelerator",
        "name": "S-Hub Accelerator 2027",
        "slug": "s-hub-2027",
        "cluster": cluster,
        "deadline": timezone.now() + dt.timedelta(days=14),
        "questions": QUESTIONS,
        "criteria": CRITERIA,
    }
    return Cohort.objects.create(**{**defaults, **fields})


def make_application(cohort: Cohort, name: str = "Robotik Start GmbH") -> Application:
    return cohorts.apply(
        cohort,
        cohorts.ApplicationData(
            organisation_name=name,
            contact_name="Lea Schmitt",
            email="lea@example.org",
            answers=["Fachkräftemangel in der Montage", "Zwei Ingenieurinnen"],
        ),
    )


def sheet(team: int, market: int, innovation: int, fit: int) -> dict[str, int]:
    return {"team": team, "market": market, "innovation": innovation, "fit": fit}
