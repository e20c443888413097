"""Reads for the "Dubletten" pages: the likely pairs, and what a merge would move."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet

from clusterhub.accounts.roles import Viewer
from clusterhub.crm.models import Interaction
from clusterhub.directory.access import organisations_visible_to
from clusterhub.directory.duplicates import pairs_in, reason_text
from clusterhub.directory.models import Affiliation, Membership, Organisation
from clusterhub.duplicates.access import can_act_on_pair
from clusterhub.duplicates.models import KeptApart
from clusterhub.events.models import Registration
from clusterhub.projects.models import Participation
from clusterlogic.dedupe import Pair

SHOWN = 50
CACHE_SECONDS = 600


def _pairs_of_registry(organisations: QuerySet[Organisation]) -> list[Pair]:
    """The finder's pairs, kept in the cache while no organisation is added, changed or
    removed (the newest change and the count say so): a page view then costs no search."""
    state = organisations.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = state["changed"].timestamp() if state["changed"] else 0
    key = f"duplicates:pairs:{state['count']}:{changed}"
    pairs: list[Pair] | None = cache.get(key)
    if pairs is None:
        pairs = pairs_in(organisations)
        cache.set(key, pairs, CACHE_SECONDS)
    return pairs


@dataclass(frozen=True)
class ShownPair:
    first: Organisation
    second: Organisation
    score: float
    why: str
    can_act: bool


def duplicate_pairs(
    viewer: Viewer, skipped: Collection[tuple[int, int]] = (), limit: int = SHOWN
) -> tuple[list[ShownPair], int]:
    """The likely pairs among the organisations the viewer sees, best first, without those
    kept apart and those skipped in this session; and how many there are in all. Computed on
    demand (the demo's 6,000 organisations: about a second) and cached until the registry
    changes."""
    organisations = organisations_visible_to(viewer)
    kept = set(KeptApart.objects.values_list("first_id", "second_id"))
    hidden = kept | {tuple(sorted(pair)) for pair in skipped}
    pairs = []
    for pair in _pairs_of_registry(organisations):
        ids = (int(pair.a), int(pair.b))
        if tuple(sorted(ids)) not in hidden:
            pairs.append((ids, pair))
    shown = pairs[:limit]
    by_pk = organisations.in_bulk({pk for ids, _pair in shown for pk in ids})
    rows = []
    for (first_pk, second_pk), pair in shown:
        first, second = by_pk[first_pk], by_pk[second_pk]
        rows.append(
            ShownPair(
                first,
                second,
                pair.score,
                reason_text(pair.reasons),
                can_act_on_pair(viewer, first, second),
            )
        )
    return rows, len(pairs)


@dataclass(frozen=True)
class Holdings:
    """What hangs on one organisation, counted for the merge preview."""

    memberships: int
    affiliations: int
    interactions: int
    registrations: int
    participations: int


def holdings_of(organisation: Organisation) -> Holdings:
    return Holdings(
        memberships=Membership.objects.filter(organisation=organisation).count(),
        affiliations=Affiliation.objects.filter(organisation=organisation).count(),
        interactions=Interaction.objects.filter(organisation=organisation).count(),
        registrations=Registration.objects.filter(organisation=organisation).count(),
        participations=Participation.objects.filter(organisation=organisation).count(),
    )
