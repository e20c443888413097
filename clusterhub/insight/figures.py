"""The dashboard's figures for a set of clusters (one cluster, or all of them: city-wide)
and a period, as plain JSON-ready values. The dashboard page, the stored snapshots and the
annual report all take their numbers from ``dashboard_figures``, so they agree exactly."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Membership, Organisation
from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.insight.id_sets import AmongIds
from clusterhub.matchmaking.models import Meeting
from clusterhub.partners.models import Introduction
from clusterlogic.insight.figures import Period, origin, rate

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


@dataclass(frozen=True)
class ScopeEvents:
    """The clusters' events in a period, read once: every count by event takes their ids as
    one parameter (``id_sets``), which the planner sizes right even without statistics."""

    ids: list[int]
    held: list[int]  # of those, the ones over by now


def _scope_events(cluster_ids: Collection[int], period: Period) -> ScopeEvents:
    now = timezone.now()
    rows = list(_events(cluster_ids, period).order_by().values_list("pk", "ends_at"))
    return ScopeEvents(
        ids=[pk for pk, _ends in rows], held=[pk for pk, ends in rows if ends <= now]
    )


def _introductions(cluster_ids: Collection[int], period: Period) -> QuerySet[Introduction]:
    return Introduction.objects.filter(
        cluster_id__in=cluster_ids,
        introduced_on__gte=period.start,
        introduced_on__lte=period.end,
    )


def _reached(
    cluster_ids: Collection[int], period: Period, events: ScopeEvents
) -> QuerySet[Organisation]:
    """Organisations reached by any activity of the clusters in the period: registered for
    one of their events, named in one of their notes, or introduced by them."""
    introductions = _introductions(cluster_ids, period)
    return Organisation.objects.filter(
        Q(
            pk__in=Registration.objects.filter(AmongIds("event_id", events.ids))
            .exclude(status=Registration.Status.CANCELLED)
            .values("organisation_id")
        )
        | Q(
            pk__in=Interaction.objects.filter(
                cluster_id__in=cluster_ids,
                occurred_on__gte=period.start,
                occurred_on__lte=period.end,
            ).values("organisation_id")
        )
        | Q(pk__in=introductions.values("organisation_id"))
        | Q(pk__in=introductions.values("partner_id"))
    )


def _followed_up(introductions: QuerySet[Introduction]) -> int:
    """Introductions with a follow-up: a follow-up of their notes done, or a later note of the
    same cluster about either organisation (one query, however many introductions)."""
    done = Introduction.interactions.through.objects.filter(
        introduction_id=OuterRef("pk"), interaction__follow_ups__done_at__isnull=False
    )
    later = Interaction.objects.filter(
        Q(organisation_id=OuterRef("organisation_id")) | Q(organisation_id=OuterRef("partner_id")),
        cluster_id=OuterRef("cluster_id"),
        occurred_on__gt=OuterRef("introduced_on"),
    )
    return introductions.filter(Q(Exists(done)) | Q(Exists(later))).count()


def _repeat_participants(placed: QuerySet[Registration]) -> int:
    """People at two or more events: a person, or else an e-mail address (case-folded in
    Python, which folds more than SQL's LOWER). SQL counts per (person, address) first, so
    Python sees one row per participant, not one per registration."""
    per_key: Counter[int | str] = Counter()
    for person, email, times in (
        placed.values_list("person_id", "email").annotate(times=Count("pk")).order_by()
    ):
        if person or email:
            per_key[person or email.casefold()] += times
    return sum(1 for times in per_key.values() if times > 1)


def _distinct_members(members: QuerySet[Membership]) -> int:
    return members.values("organisation_id").distinct().count()


def _period_figures(
    cluster_ids: Collection[int], period: Period, events: ScopeEvents
) -> dict[str, Any]:
    placed = Registration.objects.filter(
        AmongIds("event_id", events.ids), status__in=Registration.HOLDS_PLACE
    )
    held = Q(AmongIds("event_id", events.held))
    counts = placed.aggregate(
        participants=Count("pk"),
        held=Count("pk", filter=held),
        attended=Count(
            "pk",
            filter=held & (Q(status=Registration.Status.ATTENDED) | Q(checked_in_at__isnull=False)),
        ),
    )
    introductions = _introductions(cluster_ids, period)
    summary = Feedback.objects.filter(AmongIds("registration__event_id", events.ids)).aggregate(
        count=Count("pk"), average=Avg("rating")
    )
    members_now = _members(cluster_ids, period.end)
    members_before = _members(cluster_ids, period.start - dt.timedelta(days=1))
    was_member = members_before.filter(organisation_id=OuterRef("organisation_id"))
    is_member = members_now.filter(organisation_id=OuterRef("organisation_id"))
    attendance = rate(counts["attended"], counts["held"])
    return {
        "members": _distinct_members(members_now),
        "members_new": _distinct_members(members_now.filter(~Exists(was_member))),
        "members_left": _distinct_members(members_before.filter(~Exists(is_member))),
        "organisations_reached": _reached(cluster_ids, period, events).count(),
        "events": len(events.ids),
        "participants": counts["participants"],
        "attended": counts["attended"],
        "attendance_rate": None if attendance is None else round(100 * attendance),
        "repeat_participants": _repeat_participants(placed),
        "introductions": introductions.count(),
        "introductions_followed_up": _followed_up(introductions),
        "meetings_held": Meeting.objects.filter(
            AmongIds("event_id", events.held), no_shows__isnull=True
        ).count(),
        "feedback_count": summary["count"] or 0,
        "feedback_average": (
            None if summary["average"] is None else round(float(summary["average"]), 1)
        ),
    }


def _breakdowns(
    cluster_ids: Collection[int], period: Period, events: ScopeEvents
) -> dict[str, Any]:
    """Kinds and origins of the reached organisations, counted per distinct (kind, city,
    postcode, country) in SQL; the origin of each such group is worked out here."""
    kinds: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    home_city = settings.CLUSTERHUB_INSIGHT_HOME_CITY
    prefixes = tuple(settings.CLUSTERHUB_INSIGHT_REGION_POSTCODES)
    groups = (
        _reached(cluster_ids, period, events)
        .values_list("kind", "city", "postcode", "country")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for kind, city, postcode, country, count in groups:
        kinds[kind] += count
        origins[
            origin(
                city,
                postcode,
                country,
                home_city=home_city,
                home_country="DE",
                region_postcodes=prefixes,
            )
        ] += count
    ratings = Counter(
        dict(
            Feedback.objects.filter(AmongIds("registration__event_id", events.ids))
            .values_list("rating")
            .annotate(count=Count("pk"))
            .order_by()
        )
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
    events = _scope_events(ids, period)
    before = period.before()
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "current": _period_figures(ids, period, events),
        "previous": _period_figures(ids, before, _scope_events(ids, before)),
        **_breakdowns(ids, period, events),
    }
