"""Reads for the project pages: the filtered list, the pipeline board, the export rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.models import Cluster
from clusterhub.projects.access import can_edit_project, projects_visible_to
from clusterhub.projects.models import Project
from clusterhub.projects.stages import Stage, allowed_moves
from clusterhub.taxonomy.models import Theme


@dataclass(frozen=True)
class ProjectFilter:
    q: str = ""
    stage: str = ""
    cluster: Cluster | None = None
    theme: Theme | None = None


def in_cluster(projects: QuerySet[Project], cluster: Cluster) -> QuerySet[Project]:
    """A cluster's projects: filed under it, under one of its consortia, or its consortium's."""
    return projects.filter(
        Q(clusters=cluster) | Q(consortium=cluster) | Q(consortium__parent=cluster)
    ).distinct()


def filtered_projects(viewer: Viewer, filters: ProjectFilter) -> QuerySet[Project]:
    projects = projects_visible_to(viewer)
    for word in filters.q.split():
        projects = projects.filter(
            Q(title__icontains=word) | Q(acronym__icontains=word) | Q(summary__icontains=word)
        )
    if filters.stage:
        projects = projects.filter(stage=filters.stage)
    if filters.cluster is not None:
        projects = in_cluster(projects, filters.cluster)
    if filters.theme is not None:
        projects = projects.filter(themes=filters.theme)
    return (
        projects.select_related("consortium", "call", "owner")
        .prefetch_related("clusters", "themes", "participations__organisation")
        .order_by("title", "pk")
        .distinct()
    )


@dataclass(frozen=True)
class Card:
    project: Project
    moves: list[tuple[str, str]]
    editable: bool


@dataclass(frozen=True)
class Column:
    stage: str
    label: str
    cards: list[Card]


def board(viewer: Viewer, cluster: Cluster | None) -> list[Column]:
    projects = projects_visible_to(viewer).select_related("consortium", "call")
    if cluster is not None:
        projects = in_cluster(projects, cluster)
    projects = projects.prefetch_related("clusters").order_by("title", "pk")
    columns = {stage.value: Column(stage.value, str(stage.label), []) for stage in Stage}
    for project in projects:
        editable = can_edit_project(viewer, project)
        moves = [(s, str(Stage(s).label)) for s in allowed_moves(project.stage)] if editable else []
        columns[project.stage].cards.append(Card(project, moves, editable))
    return list(columns.values())


EXPORT_HEADER = [
    _("Titel"),
    _("Akronym"),
    _("Phase"),
    _("Cluster"),
    _("Konsortium"),
    _("Förderaufruf"),
    _("Frist"),
    _("Beantragte Förderung (EUR)"),
    _("Bewilligte Förderung (EUR)"),
    _("Beginn"),
    _("Ende"),
    _("Partner"),
]


def export_rows(projects: Iterable[Project]) -> list[list[object]]:
    rows: list[list[object]] = []
    for project in projects:
        partners = "; ".join(
            f"{p.organisation.name} ({p.get_role_display()})" for p in project.participations.all()
        )
        rows.append(
            [
                project.title,
                project.acronym,
                str(Stage(project.stage).label),
                ", ".join(c.name for c in project.clusters.all()),
                project.consortium.name if project.consortium else "",
                project.call.identifier if project.call else "",
                project.call.final_deadline if project.call else None,
                project.requested_funding,
                project.granted_funding,
                project.start_date,
                project.end_date,
                partners,
            ]
        )
    return rows


def export_header() -> list[str]:
    return [str(name) for name in EXPORT_HEADER]
