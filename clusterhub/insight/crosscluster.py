"""Builds the plain input of ``clusterlogic.insight`` from the registry and the activity of
the clusters, and turns the results into JSON-ready values for the snapshots."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import DenseRank

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Membership, Organisation
from clusterhub.events.models import Event, Registration
from clusterhub.insight.figures import _aware
from clusterhub.insight.id_sets import AmongIds
from clusterhub.partners.models import Introduction
from clusterhub.projects.models import Participation
from clusterhub.taxonomy.models import Theme
from clusterlogic.insight import network as graph
from clusterlogic.insight.figures import Period
from clusterlogic.insight.heatmap import theme_cluster_cells
from clusterlogic.insight.overlap import intersections
from clusterlogic.insight.topics import CALLS, NEEDS, NOTES, REGISTRATIONS, ThemeSignals, propose

# A proposal names at most this many organisations that would come (the lowest ids).
INTERESTED = 50
# Joins the texts searched for theme labels; no label holds it.
SEPARATOR = "\x00"


def _memberships_on(cluster_ids: list[int], on: dt.date) -> QuerySet[Membership]:
    return Membership.objects.filter(cluster_id__in=cluster_ids).filter(
        Q(started_on__isnull=True) | Q(started_on__lte=on),
        Q(ended_on__isnull=True) | Q(ended_on__gt=on),
    )


def _active_memberships(cluster_ids: list[int], on: dt.date) -> list[tuple[int, int]]:
    return list(
        _memberships_on(cluster_ids, on).values_list("organisation_id", "cluster_id").distinct()
    )


def _members_on(cluster_ids: list[int], on: dt.date) -> QuerySet[Organisation]:
    """The member organisations, as a subquery (a list of their ids would be a parameter
    each: a hundred thousand of them city-wide)."""
    return Organisation.objects.filter(
        pk__in=_memberships_on(cluster_ids, on).values("organisation_id")
    )


def _themes_of(cluster_ids: list[int], on: dt.date) -> dict[int, frozenset[int]]:
    """The themes of the clusters' members on ``on``."""
    themes: dict[int, set[int]] = defaultdict(set)
    through = Organisation.themes.through
    for organisation, theme in through.objects.filter(
        organisation_id__in=_memberships_on(cluster_ids, on).values("organisation_id")
    ).values_list("organisation_id", "theme_id"):
        themes[organisation].add(theme)
    return {key: frozenset(value) for key, value in themes.items()}


def overlaps(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    clusters_of: dict[int, set[int]] = defaultdict(set)
    for organisation, cluster in _active_memberships([c.pk for c in clusters], period.end):
        clusters_of[organisation].add(cluster)
    found = intersections({org: frozenset(ids) for org, ids in clusters_of.items()})
    return {
        "intersections": [
            {"clusters": sorted(item.clusters), "organisations": list(item.organisations)}
            for item in found
        ],
        "in_one": sum(1 for ids in clusters_of.values() if len(ids) == 1),
    }


def themes(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    cluster_ids = [c.pk for c in clusters]
    memberships = _active_memberships(cluster_ids, period.end)
    cells = theme_cluster_cells(memberships, _themes_of(cluster_ids, period.end))
    return {
        "cells": [
            {"theme": c.theme, "cluster": c.cluster, "members": c.members, "share": c.share}
            for c in cells
        ]
    }


def _event_groups(event_ids: list[int]) -> list[set[int]]:
    """The organisations registered for each event (the ids as one parameter: ``id_sets``)."""
    groups: dict[int, set[int]] = defaultdict(set)
    for event, organisation in (
        Registration.objects.filter(AmongIds("event_id", event_ids), organisation__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("event_id", "organisation_id")
    ):
        groups[event].add(organisation)
    return list(groups.values())


def network(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    cluster_ids = [c.pk for c in clusters]
    largest = settings.CLUSTERHUB_INSIGHT_GROUP_LIMIT
    members = _active_memberships(cluster_ids, period.end)
    clusters_of: dict[int, set[int]] = defaultdict(set)
    per_cluster: dict[int, set[int]] = defaultdict(set)
    for organisation, cluster in members:
        clusters_of[organisation].add(cluster)
        per_cluster[cluster].add(organisation)
    # Co-membership joins only organisations that share a cluster besides another link would
    # make every cluster one clique; so it counts for organisations in two or more clusters.
    multi = [{org for org in orgs if len(clusters_of[org]) > 1} for orgs in per_cluster.values()]
    links = graph.pairs_of_groups(multi, graph.CO_MEMBERSHIP, largest=largest * 5)
    event_ids = list(
        Event.objects.filter(
            clusters__in=cluster_ids,
            starts_at__gte=_aware(period.start),
            starts_at__lt=_aware(period.end, end=True),
        )
        .exclude(status=Event.Status.CANCELLED)
        .order_by()
        .values_list("pk", flat=True)
        .distinct()
    )
    links += graph.pairs_of_groups(_event_groups(event_ids), graph.CO_ATTENDANCE, largest=largest)
    links += [
        graph.Link(a, b, graph.INTRODUCTION)
        for a, b in Introduction.objects.filter(
            cluster_id__in=cluster_ids,
            introduced_on__gte=period.start,
            introduced_on__lte=period.end,
        ).values_list("organisation_id", "partner_id")
    ]
    projects: dict[int, set[int]] = defaultdict(set)
    for project, organisation in Participation.objects.filter(
        Q(project__end_date__isnull=True) | Q(project__end_date__gte=period.start),
        Q(project__start_date__isnull=True) | Q(project__start_date__lte=period.end),
    ).values_list("project_id", "organisation_id"):
        projects[project].add(organisation)
    links += graph.pairs_of_groups(projects.values(), graph.SHARED_PROJECT, largest=largest)
    result = graph.build_network(links, keep=settings.CLUSTERHUB_INSIGHT_NETWORK_SIZE)
    names = dict(
        Organisation.objects.filter(pk__in=[n.organisation for n in result.nodes]).values_list(
            "pk", "name"
        )
    )
    return {
        "nodes": [
            {
                "id": n.organisation,
                "name": names.get(n.organisation, "?"),
                "community": n.community,
                "betweenness": n.betweenness,
                "degree": n.degree,
                "clusters": sorted(clusters_of.get(n.organisation, ())),
            }
            for n in result.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "weight": e.weight, "kinds": list(e.kinds)}
            for e in result.edges
        ],
        "communities": result.communities,
        "bridges": [n.organisation for n in result.bridges(10)],
    }


def _mentions(texts: list[tuple[int, str]], labels: dict[int, str]) -> dict[int, set[int]]:
    """For each theme, the ids of the texts that name its label (case-insensitive). The texts
    are searched as one string (``str.find`` runs in C), not one by one per theme: tens of
    thousands of profiles times a hundred themes otherwise cost seconds per refresh."""
    found: dict[int, set[int]] = defaultdict(set)
    ids = [pk for pk, _text in texts]
    folded = [text.casefold() for _pk, text in texts]
    starts: list[int] = []
    offset = 0
    for text in folded:
        starts.append(offset)
        offset += len(text) + 1
    haystack = SEPARATOR.join(folded)
    for theme, label in labels.items():
        needle = label.casefold()
        if len(needle) < 4:
            continue
        if SEPARATOR in needle:  # it could span two texts: look in each on its own
            found[theme] = {pk for pk, text in zip(ids, folded, strict=True) if needle in text}
            continue
        hits = found[theme]
        at = haystack.find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            hits.add(ids[index])
            following = index + 1
            at = haystack.find(needle, starts[following]) if following < len(starts) else -1
    return found


def _registrations_on_themes(period: Period) -> QuerySet[Registration]:
    start, end = _aware(period.start), _aware(period.end, end=True)
    return Registration.objects.filter(
        event__starts_at__gte=start, event__starts_at__lt=end, event__themes__isnull=False
    ).exclude(status=Registration.Status.CANCELLED)


def _first_registered(period: Period, limit: int) -> dict[int, set[int]]:
    """Per theme, the ``limit`` lowest ids of organisations registered for its events: the
    proposal keeps only the first ``limit`` of those who would come, so the database ranks
    them (a window per theme) instead of sending every registration."""
    ranked = (
        _registrations_on_themes(period)
        .filter(organisation__isnull=False)
        .annotate(
            rank=Window(
                DenseRank(), partition_by=F("event__themes"), order_by=F("organisation_id").asc()
            )
        )
        .filter(rank__lte=limit)
        .values_list("event__themes", "organisation_id")
    )
    who: dict[int, set[int]] = defaultdict(set)
    for theme, organisation in ranked:
        who[theme].add(organisation)
    return who


def _signals_in(
    period: Period, cluster_ids: list[int], labels: dict[int, str], *, who: bool = True
) -> tuple[dict[int, dict[str, int]], dict[int, set[int]]]:
    """Interest per theme in ``period``: registrations for events on the theme and notes
    naming it; and, if ``who``, the organisations behind them (who would come: of those
    registered, the first ``INTERESTED`` by id)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for theme, registrations in (
        _registrations_on_themes(period)
        .values_list("event__themes")
        .annotate(registrations=Count("pk"))
        .order_by()
    ):
        counts[theme][REGISTRATIONS] = registrations
    interested = _first_registered(period, INTERESTED) if who else defaultdict(set)
    notes = Interaction.objects.filter(
        cluster_id__in=cluster_ids, occurred_on__gte=period.start, occurred_on__lte=period.end
    ).values_list("pk", "organisation_id", "subject", "notes")
    organisation_of = {pk: org for pk, org, _s, _n in notes}
    for theme, ids in _mentions([(pk, f"{s} {n}") for pk, _o, s, n in notes], labels).items():
        counts[theme][NOTES] += len(ids)
        interested[theme].update(organisation_of[pk] for pk in ids if organisation_of[pk])
    for theme in labels:
        counts[theme].setdefault(CALLS, 0)  # no funding calls are kept in the registry yet
    return counts, interested


def topics(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    cluster_ids = [c.pk for c in clusters]
    memberships = _active_memberships(cluster_ids, period.end)
    themes_of = _themes_of(cluster_ids, period.end)
    per_theme: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for organisation, cluster in memberships:
        for theme in themes_of.get(organisation, ()):
            per_theme[theme][cluster] += 1
    labels = dict(Theme.objects.values_list("pk", "label_de"))
    now, interested = _signals_in(period, cluster_ids, labels)
    before, _nobody = _signals_in(period.before(), cluster_ids, labels, who=False)
    # What the members seek on their profiles (the needs typed in; a standing demand).
    seeking = _members_on(cluster_ids, period.end).exclude(seeks="")
    for theme, ids in _mentions(list(seeking.values_list("pk", "seeks")), labels).items():
        now[theme][NEEDS] = len(ids)
        interested[theme].update(ids)
    speakers: dict[int, set[int]] = defaultdict(set)
    for theme, organisation in Participation.objects.filter(
        project__themes__isnull=False
    ).values_list("project__themes", "organisation_id"):
        speakers[theme].add(organisation)
    members = {org for org, _c in memberships}
    offering = _members_on(cluster_ids, period.end).exclude(offers="")
    for theme, ids in _mentions(list(offering.values_list("pk", "offers")), labels).items():
        speakers[theme].update(ids)
    # Members of the clusters first among those who could speak: they are easiest to ask.
    ranked_speakers = {
        theme: sorted(ids, key=lambda org: (org not in members, org))
        for theme, ids in speakers.items()
    }
    signals = [
        ThemeSignals(
            theme=theme,
            members_per_cluster=dict(per_theme[theme]),
            now=dict(now.get(theme, {})),
            before=dict(before.get(theme, {})),
            interested=tuple(sorted(interested.get(theme, set())))[:INTERESTED],
            speakers=tuple(ranked_speakers.get(theme, []))[:20],
        )
        for theme in labels
    ]
    proposals = propose(signals, cluster_count=len(cluster_ids), limit=10)
    return {
        "proposals": [
            {
                "theme": p.theme,
                "score": p.score,
                "clusters": list(p.clusters),
                "interested": list(p.interested),
                "speakers": list(p.speakers),
                "reasons": [{"kind": r.kind, "value": r.value, "of": r.of} for r in p.reasons],
            }
            for p in proposals
        ]
    }
