"""Stores generated regional organisations in batches with bulk inserts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person
from clusterhub.taxonomy.models import Theme

from .regional import OrganisationDraft, RegionalGenerator

BATCH = 2000
# Generated organisations' websites end with this; it tells them apart from real ones.
GENERATED_MARKER = ".example/"


def has_generated_organisations() -> bool:
    return Organisation.objects.filter(website__endswith=GENERATED_MARKER).exists()


def _store_batch(
    drafts: list[OrganisationDraft], themes: dict[str, Theme], clusters: dict[str, Cluster]
) -> int:
    organisations = Organisation.objects.bulk_create([d.organisation for d in drafts])
    through = Organisation.themes.through
    through.objects.bulk_create(
        [
            through(organisation_id=org.pk, theme_id=themes[slug].pk)
            for org, draft in zip(organisations, drafts, strict=True)
            for slug in draft.theme_slugs
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(
                organisation_id=org.pk,
                cluster_id=clusters[m.cluster_slug].pk,
                role=m.role,
                started_on=m.started_on,
                ended_on=m.ended_on,
            )
            for org, draft in zip(organisations, drafts, strict=True)
            for m in draft.memberships
        ]
    )
    owners = [
        (org.pk, person)
        for org, draft in zip(organisations, drafts, strict=True)
        for person in draft.people
    ]
    if not owners:
        return 0
    people = Person.objects.bulk_create([person.person() for _org, person in owners])
    Affiliation.objects.bulk_create(
        [
            Affiliation(
                person_id=person.pk,
                organisation_id=org_id,
                function=draft.function,
                is_primary=index == 0
                or owners[index - 1][0] != org_id,  # the first person of each organisation
            )
            for index, ((org_id, draft), person) in enumerate(zip(owners, people, strict=True))
        ]
    )
    Consent.objects.bulk_create(
        [
            consent
            for (_org_id, draft), person in zip(owners, people, strict=True)
            for consent in draft.consent_rows(person.pk)
        ]
    )
    return len(people)


def write_regional(
    count: int,
    seed: int,
    today: date,
    themes: dict[str, Theme],
    clusters: dict[str, Cluster],
    progress: Callable[[str], None],
    *,
    with_people: bool = True,
    batch: int = BATCH,
) -> tuple[int, int]:
    """Generate and store ``count`` organisations; returns (organisations, people)."""
    stored_names = Organisation.objects.values_list("name", flat=True).iterator()
    generator = RegionalGenerator(seed, today, taken_names=stored_names)
    stored = people = 0
    while stored < count:
        size = min(batch, count - stored)
        drafts = [generator.draft(with_people=with_people) for _ in range(size)]
        people += _store_batch(drafts, themes, clusters)
        stored += size
        progress(f"  {stored}/{count} regionale Organisationen")
    return stored, people
