"""The demo's joint stand: Hannover Messe 2027 of the Smart Industries cluster."""

from __future__ import annotations

from django.core.management import call_command

from clusterhub.directory.models import Membership
from clusterhub.support import fairs
from clusterhub.support.demo import load_demo_fairs
from clusterhub.support.models import JointStand, MentoringCase, MentoringSession
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory


def test_the_demo_stand_has_co_exhibitors_shares_and_a_waiting_list(db: None) -> None:
    cluster = ClusterFactory.create(slug="smart-industries", name="Smart Industries")
    UserFactory.create(username="manager.smart")
    for index in range(8):
        Membership.objects.create(
            organisation=OrganisationFactory.create(name=f"Maschinenbau {index}"), cluster=cluster
        )

    call_command("load_demo_consultations")
    assert load_demo_fairs() == 0  # nothing twice

    stand = JointStand.objects.get(slug="hannover-messe-2027")
    shares = fairs.cost_shares(stand)
    assert len(shares) == stand.places == 6
    assert sum(share for _exhibitor, share in shares) == stand.total_cost
    assert fairs.waiting_list(stand).count() == 2
    assert stand.deadlines.count() == 3
    assert MentoringCase.objects.count() == 3
    assert MentoringSession.objects.count() == 2
