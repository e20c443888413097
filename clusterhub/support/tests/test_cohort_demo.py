"""The demo's accelerator calls."""

from __future__ import annotations

from django.core.management import call_command

from clusterhub.support import cohorts
from clusterhub.support.demo import load_demo_cohorts
from clusterhub.support.models import Cohort
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory


def test_the_demo_opens_the_s_hub_call_with_scored_applications(db: None) -> None:
    ClusterFactory.create(slug="smart-industries", name="Smart Industries")
    ClusterFactory.create(slug="mmt", name="MedTech")
    UserFactory.create(username="manager.smart")
    OrganisationFactory.create(kind="startup")

    assert load_demo_cohorts() == 7
    assert load_demo_cohorts() == 0  # nothing twice
    s_hub = Cohort.objects.get(programme="S-Hub Accelerator")
    assert cohorts.is_open(s_hub)
    ranked = cohorts.ranking(s_hub)
    assert len(ranked) == 6 and ranked[0][0].mean is not None
    life = Cohort.objects.get(programme="Life Science Accelerator BW")
    assert len(cohorts.members(life)) == 1 and life.entries.count() == 5


def test_the_management_command_loads_the_calls(db: None) -> None:
    ClusterFactory.create(slug="smart-industries", name="Smart Industries")
    call_command("load_demo_consultations")
    assert Cohort.objects.filter(slug="s-hub-accelerator-2027").exists()
