"""The public home page lists the agency's own clusters before networks and the initiative."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterhub.clusters.models import Cluster
from clusterhub.clusters.queries import OPEN_GROUPS_UP_TO
from clusterhub.directory.models import Organisation
from tests.factories import ClusterFactory, MembershipFactory, OrganisationFactory


@pytest.mark.django_db
def test_own_clusters_come_first_and_consortia_stay_on_their_initiative_page(
    client: Client,
) -> None:
    initiative = ClusterFactory.create(name="Initiative Testfeld", kind=Cluster.Kind.INITIATIVE)
    ClusterFactory.create(name="BioRN", kind=Cluster.Kind.NETWORK)
    ClusterFactory.create(name="Green Industry Cluster", kind=Cluster.Kind.OWN)
    ClusterFactory.create(
        name="Konsortium Wasserstoff", kind=Cluster.Kind.CONSORTIUM, parent=initiative
    )
    page = client.get("/").content.decode()
    assert (
        page.index("Green Industry Cluster")
        < page.index("BioRN")
        < page.index("Initiative Testfeld")
    )
    assert "Konsortium Wasserstoff" not in page
    initiative_page = client.get(f"/cluster/{initiative.slug}/").content.decode()
    assert "Konsortium Wasserstoff" in initiative_page


@pytest.mark.django_db
def test_members_are_grouped_by_kind_and_sorted_and_a_long_list_starts_closed(
    client: Client,
) -> None:
    cluster = ClusterFactory.create(slug="smart-industries")
    for name, kind in [
        ("Zeta Robotik", Organisation.Kind.STARTUP),
        ("Alpha Sensorik", Organisation.Kind.SME),
        ("Beta Antriebe", Organisation.Kind.SME),
        ("Amsel Automation", Organisation.Kind.STARTUP),
    ]:
        organisation = OrganisationFactory.create(name=name, kind=kind, listed_publicly=True)
        MembershipFactory.create(organisation=organisation, cluster=cluster)

    response = client.get(f"/cluster/{cluster.slug}/")
    groups = [
        (g.label, [o.name for o in g.organisations]) for g in response.context["member_groups"]
    ]
    assert groups == [
        ("Start-up", ["Amsel Automation", "Zeta Robotik"]),
        ("KMU", ["Alpha Sensorik", "Beta Antriebe"]),
    ]
    assert '<details class="member-group" open>' in response.content.decode()

    for n in range(OPEN_GROUPS_UP_TO):
        organisation = OrganisationFactory.create(name=f"Mitglied {n}", listed_publicly=True)
        MembershipFactory.create(organisation=organisation, cluster=cluster)
    page = client.get(f"/cluster/{cluster.slug}/").content.decode()
    assert '<details class="member-group">' in page and " open>" not in page
    assert f"?cluster={cluster.pk}" in page  # a search for the rest
