"""Reads for the calls pages: the filtered list and the recipients of a forwarding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, F, Q, QuerySet, Value, When

from clusterhub.accounts.roles import Viewer
from clusterhub.calls.access import calls_visible_to
from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.directory.access import organisations_visible_to
from clusterhub.directory.models import Organisation
from clusterhub.taxonomy.models import Theme


@dataclass(frozen=True)
class CallFilter:
    q: str = ""
    open_now: bool = False
    within_weeks: int | None = None
    programme: str = ""
    theme: Theme | None = None
    action_type: str = ""
    level: str = ""


def filtered_calls(viewer: Viewer, filters: CallFilter, today: dt.date) -> QuerySet[FundingCall]:
    calls = calls_visible_to(viewer).prefetch_related("themes")
    if filters.q:
        for word in filters.q.split():
            calls = calls.filter(
                Q(title__icontains=word)
                | Q(identifier__icontains=word)
                | Q(call_identifier__icontains=word)
                | Q(keywords__icontains=word)
                | Q(text__icontains=word)
            )
    if filters.open_now:
        calls = calls.filter(Q(final_deadline__gte=today) | Q(final_deadline__isnull=True))
    if filters.within_weeks is not None:
        until = today + dt.timedelta(weeks=filters.within_weeks)
        calls = calls.filter(
            Q(deadline__gte=today, deadline__lte=until)
            | Q(final_deadline__gte=today, final_deadline__lte=until)
        )
    if filters.programme:
        calls = calls.filter(programme=filters.programme)
    if filters.theme is not None:
        calls = calls.filter(themes=filters.theme)
    if filters.action_type:
        calls = calls.filter(action_type=filters.action_type)
    if filters.level:
        calls = calls.filter(level=filters.level)
    # Open calls by their next deadline first, then those without one, then the past ones.
    past = Case(When(final_deadline__lt=today, then=Value(1)), default=Value(0))
    return (
        calls.annotate(past=past)
        .order_by("past", F("final_deadline").asc(nulls_last=True), "deadline", "identifier")
        .distinct()
    )


def programme_choices() -> list[str]:
    return sorted(set(FundingCall.objects.values_list("programme", flat=True)) - {""})


def action_type_choices() -> list[str]:
    return sorted(set(FundingCall.objects.values_list("action_type", flat=True)) - {""})


def segment_organisations(
    viewer: Viewer,
    chosen: Iterable[Organisation],
    cluster: Cluster | None,
    theme: Theme | None,
) -> list[Organisation]:
    """The chosen organisations plus a segment: the current members of a cluster, the
    organisations of a theme; each once, by name."""
    visible = organisations_visible_to(viewer)
    ids = {organisation.pk for organisation in chosen}
    if cluster is not None:
        ids |= set(
            visible.filter(
                memberships__cluster=cluster, memberships__ended_on__isnull=True
            ).values_list("pk", flat=True)
        )
    if theme is not None:
        ids |= set(visible.filter(themes=theme).values_list("pk", flat=True))
    return list(visible.filter(pk__in=ids).order_by("name", "pk"))
