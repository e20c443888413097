from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.clusters.models import Cluster
from clusterhub.crm.access import interactions_visible_to
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation


@dataclass(frozen=True)
class OrganisationNotes:
    visible: list[Interaction]
    hidden_count: int
    writable_clusters: list[Cluster]


def notes_for_organisation(viewer: Viewer, organisation: Organisation) -> OrganisationNotes:
    """The notes this viewer may read, and how many other clusters keep to themselves."""
    all_notes: QuerySet[Interaction] = Interaction.objects.filter(organisation=organisation)
    visible = list(
        interactions_visible_to(viewer)
        .filter(organisation=organisation)
        .select_related("cluster", "person", "author")
        .prefetch_related("follow_ups")
    )
    return OrganisationNotes(
        visible=visible,
        hidden_count=all_notes.count() - len(visible),
        writable_clusters=list(clusters_managed_by(viewer)),
    )
