"""The insight aggregates computed the straightforward way: every row read into Python, as
the first version of ``insight.figures`` and ``insight.crosscluster`` did. The refresh's
set-based SQL must give exactly these values (``test_aggregates_match_straightforward``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Membership, Organisation
from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.insight.figures import _aware
from clusterhub.matchmaking.models import Meeting
from clusterhub.partners.models import Introduction
from clusterhub.projects.models import Participation
from clusterhub.taxonomy.models import Theme
from clusterlogic.insight.figures import Period, origin, rate, repeat_count
from clusterlogic.insight.heatmap import theme_cluster_cells
from clusterlogic.insight.topics import CALLS, NEEDS, NOTES, REGISTRATIONS, ThemeSignals, propose


def _events(cluster_ids: Collection[int], period: Period) -> QuerySet[Event]:
    return (
        Event.objects.filter(
            clusters__in=cluster_ids,
            starts_at__gte=_aware(period.start),
            starts_at__lt=_aware(period.end, end=True),
        )
        .exclude(status=Event.Status.CANCELLED)
        .distinct()
    )


def _members(cluster_ids: Collection[int], on: dt.date) -> QuerySet[Membership]:
    return Membership.objects.filter(cluster_id__in=cluster_ids).filter(
        Q(started_on__isnull=True) | Q(started_on__lte=on),
        Q(ended_on__isnull=True) | Q(ended_on__gt=on),
    )


def reached_organisations(cluster_ids: Collection[int], period: Period) -> set[int]:
    """Organisations reached by any activity of the clusters in the period: registered for
    one of their events, named in one of their notes, or introduced by them."""
    event_ids = _events(cluster_ids, period).values("pk")
    reached = set(
        Registration.objects.filter(event_id__in=event_ids, organisation__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    reached |= set(
        Interaction.objects.filter(
            cluster_id__in=cluster_ids,
            occurred_on__gte=period.start,
            occurred_on__lte=period.end,
            organisation__isnull=False,
        )
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    for organisation, partner in Introduction.objects.filter(
        cluster_id__in=cluster_ids,
        introduced_on__gte=period.start,
        introduced_on__lte=period.end,
    ).values_list("organisation_id", "partner_id"):
        reached.update((organisation, partner))
    return reached


def _followed_up(introductions: QuerySet[Introduction]) -> int:
    """Introductions with a follow-up: a follow-up of their notes done, or a later note of the
    same cluster about either organisation (two queries, however many introductions)."""
    rows = list(
        introductions.values_list(
            "pk", "cluster_id", "organisation_id", "partner_id", "introduced_on"
        )
    )
    if not rows:
        return 0
    done = set(
        Introduction.interactions.through.objects.filter(
            introduction_id__in=[row[0] for row in rows],
            interaction__follow_ups__done_at__isnull=False,
        ).values_list("introduction_id", flat=True)
    )
    latest: dict[tuple[int, int], dt.date] = {}
    for cluster, organisation, day in Interaction.objects.filter(
        cluster_id__in={row[1] for row in rows},
        organisation_id__in={org for row in rows for org in row[2:4]},
    ).values_list("cluster_id", "organisation_id", "occurred_on"):
        key = (cluster, organisation)
        if key not in latest or day > latest[key]:
            latest[key] = day
    never = dt.date.min
    return sum(
        1
        for pk, cluster, organisation, partner, day in rows
        if pk in done
        or max(latest.get((cluster, organisation), never), latest.get((cluster, partner), never))
        > day
    )


def _period_figures(cluster_ids: Collection[int], period: Period) -> dict[str, Any]:
    events = _events(cluster_ids, period)
    event_ids = list(events.values_list("pk", flat=True))
    held_ids = list(events.filter(ends_at__lte=timezone.now()).values_list("pk", flat=True))
    placed = Registration.objects.filter(
        event_id__in=event_ids, status__in=Registration.HOLDS_PLACE
    )
    held = placed.filter(event_id__in=held_ids)
    attended = held.filter(
        Q(status=Registration.Status.ATTENDED) | Q(checked_in_at__isnull=False)
    ).count()
    held_count = held.count()
    who = [
        person or email.casefold()
        for person, email in placed.values_list("person_id", "email")
        if person or email
    ]
    introductions = Introduction.objects.filter(
        cluster_id__in=cluster_ids,
        introduced_on__gte=period.start,
        introduced_on__lte=period.end,
    )
    feedback = Feedback.objects.filter(registration__event_id__in=event_ids)
    summary = feedback.aggregate(count=Count("pk"), average=Avg("rating"))
    members_now = _members(cluster_ids, period.end)
    members_before = set(
        _members(cluster_ids, period.start - dt.timedelta(days=1)).values_list(
            "organisation_id", flat=True
        )
    )
    member_ids = set(members_now.values_list("organisation_id", flat=True))
    attendance = rate(attended, held_count)
    return {
        "members": len(member_ids),
        "members_new": len(member_ids - members_before),
        "members_left": len(members_before - member_ids),
        "organisations_reached": len(reached_organisations(cluster_ids, period)),
        "events": len(event_ids),
        "participants": placed.count(),
        "attended": attended,
        "attendance_rate": None if attendance is None else round(100 * attendance),
        "repeat_participants": repeat_count(who),
        "introductions": introductions.count(),
        "introductions_followed_up": _followed_up(introductions),
        "meetings_held": Meeting.objects.filter(event_id__in=held_ids)
        .filter(no_shows__isnull=True)
        .count(),
        "feedback_count": summary["count"] or 0,
        "feedback_average": (
            None if summary["average"] is None else round(float(summary["average"]), 1)
        ),
    }


def _breakdowns(cluster_ids: Collection[int], period: Period) -> dict[str, Any]:
    reached = reached_organisations(cluster_ids, period)
    kinds: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    home_city = settings.CLUSTERHUB_INSIGHT_HOME_CITY
    prefixes = tuple(settings.CLUSTERHUB_INSIGHT_REGION_POSTCODES)
    every = Organisation.objects.values_list("pk", "kind", "city", "postcode", "country")
    if len(reached) <= 20_000:  # beyond, read all rows: databases limit the size of an IN list
        every = every.filter(pk__in=reached)
    rows = [row[1:] for row in every if row[0] in reached]
    for kind, city, postcode, country in rows:
        kinds[kind] += 1
        origins[
            origin(
                city,
                postcode,
                country,
                home_city=home_city,
                home_country="DE",
                region_postcodes=prefixes,
            )
        ] += 1
    ratings = Counter(
        Feedback.objects.filter(
            registration__event_id__in=_events(cluster_ids, period).values("pk")
        ).values_list("rating", flat=True)
    )
    return {
        "kinds": dict(sorted(kinds.items(), key=lambda item: (-item[1], item[0]))),
        "origins": dict(origins),
        "ratings": {str(r): ratings.get(r, 0) for r in range(5, 0, -1)},
        "home_city": home_city,
    }


def dashboard_figures(cluster_ids: Collection[int], period: Period) -> dict[str, Any]:
    """Every figure of the dashboard for ``period`` and the period before, and the
    breakdowns of the period (kinds, origins, ratings)."""
    ids = sorted(cluster_ids)
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "current": _period_figures(ids, period),
        "previous": _period_figures(ids, period.before()),
        **_breakdowns(ids, period),
    }


def _active_memberships(cluster_ids: list[int], on: dt.date) -> list[tuple[int, int]]:
    return list(
        Membership.objects.filter(cluster_id__in=cluster_ids)
        .filter(
            Q(started_on__isnull=True) | Q(started_on__lte=on),
            Q(ended_on__isnull=True) | Q(ended_on__gt=on),
        )
        .values_list("organisation_id", "cluster_id")
        .distinct()
    )


def _themes_of(organisation_ids: set[int]) -> dict[int, frozenset[int]]:
    themes: dict[int, set[int]] = defaultdict(set)
    through = Organisation.themes.through
    for organisation, theme in through.objects.values_list("organisation_id", "theme_id"):
        if organisation in organisation_ids:
            themes[organisation].add(theme)
    return {key: frozenset(value) for key, value in themes.items()}


def themes(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    memberships = _active_memberships([c.pk for c in clusters], period.end)
    cells = theme_cluster_cells(memberships, _themes_of({org for org, _c in memberships}))
    return {
        "cells": [
            {"theme": c.theme, "cluster": c.cluster, "members": c.members, "share": c.share}
            for c in cells
        ]
    }


def _mentions(texts: list[tuple[int, str]], labels: dict[int, str]) -> dict[int, set[int]]:
    """For each theme, the ids of the texts that name its label (case-insensitive)."""
    found: dict[int, set[int]] = defaultdict(set)
    lowered = [(pk, text.casefold()) for pk, text in texts]
    for theme, label in labels.items():
        needle = label.casefold()
        if len(needle) < 4:
            continue
        found[theme] = {pk for pk, text in lowered if needle in text}
    return found


def _signals_in(
    period: Period, cluster_ids: list[int], labels: dict[int, str]
) -> tuple[dict[int, dict[str, int]], dict[int, set[int]]]:
    """Interest per theme in ``period``: registrations for events on the theme and notes
    naming it; and the organisations behind them (who would come)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    who: dict[int, set[int]] = defaultdict(set)
    start, end = _aware(period.start), _aware(period.end, end=True)
    for theme, organisation in (
        Registration.objects.filter(
            event__starts_at__gte=start, event__starts_at__lt=end, event__themes__isnull=False
        )
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("event__themes", "organisation_id")
    ):
        counts[theme][REGISTRATIONS] += 1
        if organisation:
            who[theme].add(organisation)
    notes = Interaction.objects.filter(
        cluster_id__in=cluster_ids, occurred_on__gte=period.start, occurred_on__lte=period.end
    ).values_list("pk", "organisation_id", "subject", "notes")
    organisation_of = {pk: org for pk, org, _s, _n in notes}
    for theme, ids in _mentions([(pk, f"{s} {n}") for pk, _o, s, n in notes], labels).items():
        counts[theme][NOTES] += len(ids)
        who[theme].update(organisation_of[pk] for pk in ids if organisation_of[pk])
    for theme in labels:
        counts[theme].setdefault(CALLS, 0)  # no funding calls are kept in the registry yet
    return counts, who


def topics(clusters: list[Cluster], period: Period) -> dict[str, Any]:
    cluster_ids = [c.pk for c in clusters]
    memberships = _active_memberships(cluster_ids, period.end)
    themes_of = _themes_of({org for org, _c in memberships})
    per_theme: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for organisation, cluster in memberships:
        for theme in themes_of.get(organisation, ()):
            per_theme[theme][cluster] += 1
    labels = dict(Theme.objects.values_list("pk", "label_de"))
    now, interested = _signals_in(period, cluster_ids, labels)
    before, _earlier = _signals_in(period.before(), cluster_ids, labels)
    # What the members seek on their profiles (the needs typed in; a standing demand).
    seeking = Organisation.objects.filter(pk__in=[o for o, _c in memberships]).exclude(seeks="")
    for theme, ids in _mentions(list(seeking.values_list("pk", "seeks")), labels).items():
        now[theme][NEEDS] = len(ids)
        interested[theme].update(ids)
    speakers: dict[int, set[int]] = defaultdict(set)
    for theme, organisation in Participation.objects.filter(
        project__themes__isnull=False
    ).values_list("project__themes", "organisation_id"):
        speakers[theme].add(organisation)
    members = {org for org, _c in memberships}
    offering = Organisation.objects.filter(pk__in=members).exclude(offers="")
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
            interested=tuple(sorted(interested.get(theme, set())))[:50],
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
