"""The public home page lists the agency's own clusters before networks and the initiative."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterhub.clusters.models import Cluster
from tests.factories import ClusterFactory


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
