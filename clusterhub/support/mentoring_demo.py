"""Demo Digi-Pate cases: SMEs of the Smart Industries cluster guided into digitalisation
(the Digi-Pate has done so in Mannheim since July 2019)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.support.models import MentoringCase, MentoringSession

CASES = [
    (
        "Auftragsabwicklung vom Papier ins ERP bringen; Angebote schneller schreiben.",
        MentoringCase.Stage.IMPLEMENTATION,
        [("Ist-Aufnahme der Auftragsabwicklung", "ERP-Anbieter vergleichen")],
    ),
    (
        "Maschinendaten der Fertigung erfassen und auswerten (Stillstände, Ausschuss).",
        MentoringCase.Stage.ANALYSIS,
        [("Besuch im Smart Production Demonstrator", "Sensorik-Fachleute vorstellen")],
    ),
    (
        "IT-Sicherheit: Sicherungen, Zugänge, Phishing-Schulung für 25 Beschäftigte.",
        MentoringCase.Stage.FIRST_TALK,
        [],
    ),
]


@transaction.atomic
def load_demo_mentoring() -> int:
    """Three cases with their sessions; nothing twice. Returns the number of cases made."""
    cluster = Cluster.objects.filter(slug="smart-industries").first()
    if cluster is None or MentoringCase.objects.exists():
        return 0
    mentor = User.objects.filter(username="manager.smart").first()
    smes = list(
        Organisation.objects.filter(memberships__cluster=cluster)
        .distinct()
        .order_by("-name")[: len(CASES)]
    )
    today = dt.date.today()
    for index, (organisation, (need, stage, sessions)) in enumerate(zip(smes, CASES, strict=False)):
        opened = today - dt.timedelta(days=30 * (len(CASES) - index))
        case = MentoringCase.objects.create(
            organisation=organisation,
            cluster=cluster,
            mentor=mentor,
            need=need,
            stage=stage,
            opened_on=opened,
        )
        for offset, (topics, next_step) in enumerate(sessions, start=1):
            MentoringSession.objects.create(
                case=case,
                held_on=opened + dt.timedelta(days=7 * offset),
                topics=topics,
                next_step=next_step,
            )
    return len(smes)
