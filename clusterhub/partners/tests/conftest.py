"""A tiny partner world on top of the registry fixture: a hydrogen firm, a research institute
that shares a project with the MedTech member, and an index stored in a private folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from clusterhub.conftest import Registry
from clusterhub.directory.models import Organisation
from clusterhub.partners import index_store, services
from clusterhub.projects.models import Participation, Project
from tests.factories import MembershipFactory, OrganisationFactory, ThemeFactory

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def private_index(settings: Any) -> Iterator[None]:
    """Each test starts without a loaded index (its database has none) and runs background
    tasks at once."""
    settings.TASKS = IMMEDIATE_TASKS
    index_store.forget_loaded()
    yield
    index_store.forget_loaded()


@dataclass
class PartnerWorld:
    registry: Registry
    hydrogen: Organisation
    institute: Organisation
    shared_partner: Organisation


@pytest.fixture
def world(registry: Registry) -> PartnerWorld:
    hydrogen_theme = ThemeFactory.create(slug="wasserstoff", label_de="Wasserstoff")
    ai_theme = ThemeFactory.create(slug="ki", label_de="Künstliche Intelligenz")
    medtech_member = registry.medtech_member
    medtech_member.offers = "Sensorik für Medizinprodukte"
    medtech_member.seeks = "Partner für KI-gestützte Auswertung und grüne Energie"
    medtech_member.save()
    medtech_member.themes.add(ai_theme, hydrogen_theme)
    hydrogen = OrganisationFactory.create(
        name="H2 Kurpfalz GmbH",
        kind=Organisation.Kind.STARTUP,
        city="Heidelberg",
        offers="Elektrolyseure und Wasserstoff-Tankstellen für Industrie und Logistik",
        seeks="Abnehmer für grünen Wasserstoff",
    )
    hydrogen.themes.add(hydrogen_theme)
    institute = OrganisationFactory.create(
        name="Institut für Intelligente Systeme",
        kind=Organisation.Kind.RESEARCH,
        city="Mannheim",
        offers="Maschinelles Lernen und KI für Bilddaten",
        seeks="Anwendungspartner aus der Medizintechnik",
    )
    institute.themes.add(ai_theme)
    MembershipFactory.create(organisation=institute, cluster=registry.medtech)
    shared_partner = OrganisationFactory.create(
        name="Universitätsklinikum Mannheim",
        kind=Organisation.Kind.PUBLIC,
        offers="Klinische Studien",
    )
    for acronym, members in (
        ("SENSE", (medtech_member, shared_partner)),
        ("VISION", (institute, shared_partner)),
    ):
        project = Project.objects.create(
            source=Project.Source.LOCAL, acronym=acronym, start_date=dt.date(2021, 1, 1)
        )
        for member in members:
            Participation.objects.create(
                project=project, organisation=member, role=Participation.Role.PARTNER
            )
    services.rebuild_partner_index()
    return PartnerWorld(registry, hydrogen, institute, shared_partner)
