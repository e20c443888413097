"""The dashboard's figures for a set of clusters (one cluster, or all of them: city-wide)
and a period, as plain JSON-ready values. The dashboard page, the stored snapshots and the
annual report all take their numbers from ``dashboard_figures``, so they agree exactly."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Membership, Organisation
from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.matchmaking.models import Meeting
from clusterhub.partners.models import Introduction
from clusterlogic.insight.figures import Period, origin, rate, repeat_count

# The order in which the dashboard and the report list the figures.
FIGURE_KEYS = (
    "members",
    "members_new",
    "members_left",
    "organisations_reached",
    "events",
    "participants",
    "attended",
    "attendance_rate",
    "repeat_participants",
    "introductions",
    "introductions_followed_up",
    "meetings_held",
    "feedback_count",
    "feedback_average",
)


def _aware(day: dt.date, *, end: bool = False) -> dt.datetime:
    moment = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time.min)
    return timezone.make_aware(moment)


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
