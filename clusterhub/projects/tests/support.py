"""A consortium below the Smart Industries cluster with one project in it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from clusterhub.clusters.models import Cluster
from clusterhub.projects.models import Participation, Project
from tests.factories import ClusterFactory
from tests.support.registry import Registry


@dataclass
class Projects:
    registry: Registry
    consortium: Cluster
    project: Project


@pytest.fixture
def projects(registry: Registry) -> Projects:
    consortium = ClusterFactory.create(
        slug="konsortium-wasserstoff",
        name="Konsortium Wasserstoff",
        kind=Cluster.Kind.CONSORTIUM,
        parent=registry.smart,
    )
    project = Project.objects.create(
        source=Project.Source.LOCAL, title="H2-Hafen Mannheim", consortium=consortium
    )
    Participation.objects.create(
        project=project, organisation=registry.medtech_member, role=Participation.Role.PARTNER
    )
    return Projects(registry, consortium, project)
