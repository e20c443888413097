"""Demo innovation projects: one plausible Verbundprojekt per consortium of the
"Industriestandort Mannheim" initiative, at different stages, with partners, milestones and
timeline; a few calls of Land, Bund and city entered by hand; and the EU topics of
``shared/data/calls`` where that file is present."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User

from clusterhub.calls import services as call_services
from clusterhub.calls.importer import open_lines, read_calls
from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.projects import services
from clusterhub.projects.models import Milestone, Participation, Project, TimelineEntry
from clusterhub.projects.stages import ORDER, Stage
from clusterhub.taxonomy.models import Theme

Role = Participation.Role


@dataclass(frozen=True)
class ProjectSpec:
    consortium: str
    title: str
    acronym: str
    summary: str
    stage: str
    partners: tuple[tuple[str, str], ...]
    requested: int | None = None
    granted: int | None = None
    call: str = ""


PROJECTS = [
    ProjectSpec(
        "digitale-prozessketten",
        "Digitaler Zwilling für die Montage im Verbund",
        "DigiMont",
        "Durchgängige digitale Prozesskette von der Konstruktion bis zur Montage, mit "
        "Sensorik und Datenräumen zwischen den Werken.",
        Stage.PROPOSAL,
        (("pepperl-fuchs", Role.LEAD), ("abb", Role.PARTNER), ("hs-mannheim", Role.PARTNER)),
        requested=2_400_000,
        call="BW-INVEST-KI-2027",
    ),
    ProjectSpec(
        "wasserstoff",
        "H2-Brenner für die Prozesswärme am Standort Mannheim",
        "H2Wärme",
        "Umstellung industrieller Brenner auf Wasserstoff, bivalente Anlagen und "
        "Sektorkopplung mit Blockheizkraftwerken.",
        Stage.SUBMITTED,
        (
            ("mvv", Role.LEAD),
            ("caterpillar", Role.PARTNER),
            ("basf", Role.PARTNER),
            ("uni-heidelberg", Role.ASSOCIATED),
        ),
        requested=6_800_000,
    ),
    ProjectSpec(
        "kreislaufwirtschaft",
        "Wertstoffe aus Abfallströmen der Nachbarn",
        "ReNeighbour",
        "Industrielle Symbiose: Reststoffe eines Werks als Rohstoff eines anderen, mit "
        "Materialpass und Logistik im Hafen.",
        Stage.FORMING,
        (("essity", Role.LEAD), ("fuchs", Role.PARTNER), ("hafen", Role.ASSOCIATED)),
    ),
    ProjectSpec(
        "smart-grids",
        "Standortnahes Smart Grid für Industriekunden",
        "GridMA",
        "Elektrifizierung von Prozessen mit Grünstrom, Lastmanagement und Speicher für die "
        "Versorgungssicherheit der Werke.",
        Stage.RUNNING,
        (
            ("hitachi-energy", Role.LEAD),
            ("mvv", Role.PARTNER),
            ("roche", Role.PARTNER),
            ("uni-mannheim", Role.PARTNER),
        ),
        requested=4_100_000,
        granted=3_650_000,
    ),
    ProjectSpec(
        "mobilitaet-logistik",
        "Lkw-Ladepark am Hafen",
        "eHafenLade",
        "Schnellladeinfrastruktur für E-Lkw im Hafen und ihr gemeinsamer Betrieb.",
        Stage.FUNDED,
        (("hafen", Role.LEAD), ("daimler-truck", Role.PARTNER), ("mvv", Role.SUBCONTRACTOR)),
        requested=3_000_000,
        granted=2_700_000,
    ),
    ProjectSpec(
        "automobil",
        "Produktionstechnologien für E-Achse und Brennstoffzelle",
        "TransMA",
        "Neue Fertigungstechnologien und Qualifizierung der Belegschaft für den "
        "Technologiewandel in der Fahrzeugproduktion.",
        Stage.IDEA,
        (
            ("daimler-truck", Role.LEAD),
            ("john-deere", Role.PARTNER),
            ("ig-metall", Role.ASSOCIATED),
        ),
    ),
    ProjectSpec(
        "industrieflaechen",
        "Flächenkataster für Industrieflächen",
        "FlächeMA",
        "Gemeinsames Kataster verfügbarer und reaktivierbarer Industrieflächen.",
        Stage.COMPLETED,
        (("wifoe", Role.LEAD), ("hafen", Role.PARTNER), ("ihk", Role.ASSOCIATED)),
        requested=250_000,
        granted=250_000,
        call="MA-STANDORT-2026",
    ),
    ProjectSpec(
        "fachkraefte",
        "Verbundausbildung Transformation",
        "SkillsMA",
        "Gemeinsame Qualifizierung für Wasserstoff, Elektrifizierung und Digitalisierung.",
        Stage.REJECTED,
        (
            ("arbeitsagentur", Role.LEAD),
            ("suedwestmetall", Role.PARTNER),
            ("hs-mannheim", Role.PARTNER),
        ),
        requested=900_000,
        call="BMBF-TRANSFORM-2026",
    ),
]

MANUAL_CALLS = [
    (
        "BW-INVEST-KI-2027",
        "state",
        "Invest BW",
        "Invest BW – Innovation: KI und Digitalisierung",
        "Förderung einzelbetrieblicher und Verbund-Innovationsvorhaben zu KI, Industrie 4.0 und "
        "digitalen Prozessketten in Baden-Württemberg.",
        120,
    ),
    (
        "BMBF-TRANSFORM-2026",
        "federal",
        "BMBF",
        "Regionale Transformationsnetzwerke",
        "Qualifizierung von Fachkräften für die Transformation der Automobil- und "
        "Zulieferindustrie.",
        -60,
    ),
    (
        "MA-STANDORT-2026",
        "city",
        "Stadt Mannheim",
        "Standortentwicklung Industrie",
        "Zuschüsse der Stadt Mannheim für Studien zur Flächenentwicklung und Kreislaufwirtschaft "
        "am Industriestandort.",
        -200,
    ),
]


def load_calls(calls_file: Path | None, today: dt.date) -> int:
    for identifier, level, programme, title, text, days in MANUAL_CALLS:
        call = FundingCall.objects.filter(identifier=identifier).first() or FundingCall(
            identifier=identifier
        )
        call.level, call.programme, call.title, call.text = level, programme, title, text
        call.deadline = today + dt.timedelta(days=days)
        themes = call_services.theme_matcher().theme_ids(f"{title} {text}")
        call_services.save_call(None, call, Theme.objects.filter(pk__in=themes))
    if calls_file is not None and calls_file.is_file():
        call_services.import_calls(read_calls(open_lines(calls_file)).records)
    return FundingCall.objects.count()


def load_projects(
    clusters: dict[str, Cluster],
    named: dict[str, Organisation],
    managers: dict[int, User],
    today: dt.date,
) -> int:
    initiative = clusters.get("industriestandort-mannheim")
    owner = managers.get(initiative.pk) if initiative is not None else None
    for number, spec in enumerate(PROJECTS):
        consortium = clusters[f"konsortium-{spec.consortium}"]
        if Project.objects.filter(source=Project.Source.LOCAL, acronym=spec.acronym).exists():
            continue
        project = Project(
            title=spec.title,
            acronym=spec.acronym,
            summary=spec.summary,
            consortium=consortium,
            requested_funding=spec.requested,
            granted_funding=spec.granted,
            owner=owner,
            call=FundingCall.objects.filter(identifier=spec.call).first() if spec.call else None,
            start_date=today + dt.timedelta(days=90 * (number - 4)),
        )
        project = services.save_project(owner, project, consortium.focus_themes.all(), [])
        for key, role in spec.partners:
            if key in named:
                services.add_partner(owner, project, named[key], role, None)
        _walk_to(project, spec.stage, owner)
        Milestone.objects.create(
            project=project,
            title="Projektskizze abstimmen",
            due_on=today + dt.timedelta(days=14 + 7 * number),
            owner=owner,
        )
    return Project.objects.filter(source=Project.Source.LOCAL).count()


def _walk_to(project: Project, stage: str, owner: User | None) -> None:
    """Record the stages the project went through on its way to ``stage``."""
    path = [s for s in ORDER if ORDER.index(s) <= ORDER.index(Stage.SUBMITTED)]
    if stage in ORDER:
        path = ORDER[: ORDER.index(stage) + 1]
    elif stage == Stage.REJECTED:
        path = [*path, Stage.REJECTED]
    for before, after in itertools.pairwise(path):
        TimelineEntry.objects.create(
            project=project,
            kind=TimelineEntry.Kind.STAGE,
            text=f"Phase: {Stage(before).label} → {Stage(after).label}",
            author=owner,
        )
    Project.objects.filter(pk=project.pk).update(stage=stage)
