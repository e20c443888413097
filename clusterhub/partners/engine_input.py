"""The matching engine's plain input, read from the registry: profiles and past collaborations."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterable

from django.db.models import Count, Max, Q

from clusterhub.directory.models import Membership, Organisation
from clusterhub.partners.models import Introduction
from clusterhub.projects.models import Participation, Project
from clusterlogic import calls, matching

# Our finer kinds folded into the engine's (``clusterlogic.matching.KINDS``).
ENGINE_KIND: dict[str, str] = {
    Organisation.Kind.STARTUP: "company",
    Organisation.Kind.SME: "company",
    Organisation.Kind.LARGE: "company",
    Organisation.Kind.SOCIAL: "company",
    Organisation.Kind.RESEARCH: "research",
    Organisation.Kind.UNIVERSITY: "university",
    Organisation.Kind.PUBLIC: "public",
    Organisation.Kind.ASSOCIATION: "association",
    Organisation.Kind.WELFARE: "association",
}
# Co-membership says less than a shared project; in a cluster of hundreds it says almost
# nothing and would add a quadratic number of ties, so large clusters are left out.
CO_MEMBERSHIP_WEIGHT = 0.5
CO_MEMBERSHIP_MAX_CLUSTER_SIZE = 150
INTRODUCTION_WEIGHT = 1.0


def engine_id(pk: int) -> str:
    return str(pk)


def engine_organisation(
    organisation: Organisation, theme_slugs: Iterable[str]
) -> matching.Organisation:
    text = "\n".join(
        part.strip()
        for part in (organisation.offers, organisation.seeks, organisation.description_de)
        if part and part.strip()
    )
    return matching.Organisation(
        id=engine_id(organisation.pk),
        name=organisation.name,
        kind=ENGINE_KIND.get(organisation.kind, "other"),
        country=organisation.country,
        city=organisation.city,
        text=text,
        themes=tuple(sorted(theme_slugs)),
    )


def engine_organisations(pks: Collection[int] | None = None) -> list[matching.Organisation]:
    """Every organisation, or those of ``pks``, in the engine's terms, by primary key."""
    organisations = Organisation.objects.prefetch_related("themes").order_by("pk")
    if pks is not None:
        organisations = organisations.filter(pk__in=list(pks))
    return [engine_organisation(o, (theme.slug for theme in o.themes.all())) for o in organisations]


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def project_ties() -> list[matching.Tie]:
    """One tie per pair that worked on projects together: weight = shared projects."""
    members: dict[int, list[int]] = defaultdict(list)
    years: dict[int, int | None] = {}
    rows = Participation.objects.values_list("project_id", "organisation_id", "project__start_date")
    for project_id, organisation_id, start in rows.order_by("project_id", "organisation_id"):
        members[project_id].append(organisation_id)
        years[project_id] = start.year if start else None
    weight: dict[tuple[int, int], int] = defaultdict(int)
    latest: dict[tuple[int, int], int | None] = {}
    for project_id, organisation_ids in members.items():
        for a, b in itertools.combinations(organisation_ids, 2):
            pair = _pair(a, b)
            weight[pair] += 1
            year, known = years[project_id], latest.get(pair)
            latest[pair] = max(year, known) if year and known else (year or known)
    return [
        matching.Tie(engine_id(a), engine_id(b), float(count), latest[(a, b)])
        for (a, b), count in sorted(weight.items())
    ]


def membership_ties() -> list[matching.Tie]:
    small_clusters = (
        Membership.objects.filter(ended_on__isnull=True)
        .values("cluster_id")
        .annotate(size=Count("organisation_id", distinct=True))
        .filter(size__lte=CO_MEMBERSHIP_MAX_CLUSTER_SIZE)
        .values_list("cluster_id", flat=True)
    )
    rows = Membership.objects.filter(ended_on__isnull=True, cluster_id__in=small_clusters)
    members: dict[int, set[int]] = defaultdict(set)
    for cluster_id, organisation_id in rows.values_list("cluster_id", "organisation_id"):
        members[cluster_id].add(organisation_id)
    pairs: set[tuple[int, int]] = set()
    for organisation_ids in members.values():
        pairs.update(_pair(a, b) for a, b in itertools.combinations(sorted(organisation_ids), 2))
    return [
        matching.Tie(engine_id(a), engine_id(b), CO_MEMBERSHIP_WEIGHT) for a, b in sorted(pairs)
    ]


def introduction_ties() -> list[matching.Tie]:
    rows = (
        Introduction.objects.values("organisation_id", "partner_id")
        .annotate(latest=Max("introduced_on"))
        .order_by("organisation_id", "partner_id")
    )
    return [
        matching.Tie(
            engine_id(row["organisation_id"]),
            engine_id(row["partner_id"]),
            INTRODUCTION_WEIGHT,
            row["latest"].year,
        )
        for row in rows
    ]


def call_keys(call_id: int | None, identifier: str) -> tuple[str, ...]:
    """Keys under which a project names the call it targets: the call itself, and the EU
    topic id (CORDIS projects name their topic, not one of our calls)."""
    keys = [f"call:{call_id}"] if call_id is not None else []
    return (*keys, f"topic:{identifier}") if identifier else tuple(keys)


def part_keys(programme_part: str, call_identifier: str = "") -> tuple[str, ...]:
    """Keys of a call's programme part: the part (cluster, pillar) and the call it belongs to."""
    keys = [f"part:{programme_part}"] if programme_part else []
    if call_identifier:
        keys.append(f"call-id:{call_identifier}")
    return tuple(keys)


def collaborations() -> list[calls.Collaboration]:
    """Every project with its partners, oldest first, and the call and programme part it
    targeted: the agency's own projects through their call, CORDIS projects through their
    topic and programme parts."""
    rows = Participation.objects.values_list(
        "project_id",
        "organisation_id",
        "project__topic",
        "project__programme",
        "project__call_id",
        "project__call__programme_part",
        "project__call__call_identifier",
    ).order_by("project__start_date", "project_id", "organisation_id")
    members: dict[int, list[str]] = defaultdict(list)
    keys: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for project_id, organisation_id, topic, programme, call_id, part, call_identifier in rows:
        members[project_id].append(engine_id(organisation_id))
        if project_id not in keys:
            parts = list(part_keys(part or "", call_identifier or ""))
            # CORDIS projects: "H2020 SC3 LEIT" names their Horizon 2020 programme parts.
            parts += [f"part:{word}" for word in programme.split()[1:]] if topic else []
            keys[project_id] = (call_keys(call_id, topic), tuple(parts))
    return [
        calls.Collaboration(str(pk), tuple(ids), calls=keys[pk][0], parts=keys[pk][1])
        for pk, ids in members.items()
    ]


def engine_ties() -> list[matching.Tie]:
    return [*project_ties(), *membership_ties(), *introduction_ties()]


def registry_version() -> str:
    """Changes whenever anything the index is built from changes, so the stored index is then
    stale: an organisation added, removed or saved (its profile and themes); a membership
    added, ended or removed; an introduction logged or removed; a project participation
    added or removed; a project saved (its call). Five aggregate queries, cheap enough for
    every page that shows suggestions."""
    organisations = Organisation.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    latest = organisations["latest"].isoformat() if organisations["latest"] else "-"
    memberships = Membership.objects.aggregate(
        count=Count("pk"), top=Max("pk"), active=Count("pk", filter=Q(ended_on__isnull=True))
    )
    introductions = Introduction.objects.aggregate(count=Count("pk"), top=Max("pk"))
    participations = Participation.objects.aggregate(count=Count("pk"), top=Max("pk"))
    # A project that changes its call moves its partners into another call's evidence.
    projects = Project.objects.aggregate(latest=Max("updated_at"))
    projects_changed = projects["latest"].isoformat() if projects["latest"] else "-"
    return "|".join(
        [
            f"organisations:{organisations['count']}:{latest}",
            "memberships:{count}:{top}:{active}".format(**memberships),
            "introductions:{count}:{top}".format(**introductions),
            "participations:{count}:{top}".format(**participations),
            f"projects:{projects_changed}",
        ]
    )
