"""The API's list filters. Each starts from a queryset an access door handed out and only
narrows it, so no filter can widen what a caller may see."""

import datetime as dt
from typing import Annotated

from django.db.models import Prefetch, QuerySet
from ninja import Field, Schema

from clusterhub.directory import search
from clusterhub.directory.models import Membership, Organisation, Person
from clusterhub.events.models import Event


class OrganisationFilter(Schema):
    cluster: Annotated[
        str | None, Field(description="Kennung eines Clusters (laufende Mitglieder)")
    ] = None
    theme: Annotated[int | None, Field(description="Id eines Themas")] = None
    q: Annotated[str | None, Field(description="Suchtext (tippfehlertolerant, wie die Liste)")] = (
        None
    )


class EventFilter(Schema):
    cluster: Annotated[str | None, Field(description="Kennung eines Clusters")] = None
    theme: Annotated[int | None, Field(description="Id eines Themas")] = None
    q: Annotated[str | None, Field(description="Suchtext in Titel und Beschreibung")] = None
    starts_from: Annotated[
        dt.date | None, Field(description="frühestes Datum (einschließlich)")
    ] = None
    starts_until: Annotated[
        dt.date | None, Field(description="spätestes Datum (einschließlich)")
    ] = None


class PersonFilter(Schema):
    q: Annotated[str | None, Field(description="Teil des Vor- oder Nachnamens")] = None
    organisation: Annotated[int | None, Field(description="Id einer Organisation")] = None


def filter_organisations(
    base: QuerySet[Organisation], f: OrganisationFilter
) -> QuerySet[Organisation]:
    qs = base
    if f.cluster:
        members = Membership.objects.filter(cluster__slug=f.cluster, ended_on__isnull=True)
        qs = qs.filter(pk__in=members.values("organisation_id"))
    if f.theme:
        qs = qs.filter(themes__id=f.theme)
    if f.q and f.q.strip():
        qs = qs.filter(pk__in=search.candidate_ids(f.q))
    active = Membership.objects.filter(ended_on__isnull=True).select_related("cluster")
    return qs.prefetch_related("themes", Prefetch("memberships", queryset=active)).order_by(
        "name", "pk"
    )


def filter_events(base: QuerySet[Event], f: EventFilter) -> QuerySet[Event]:
    qs = base
    if f.cluster:
        qs = qs.filter(clusters__slug=f.cluster)
    if f.theme:
        qs = qs.filter(themes__id=f.theme)
    if f.q and f.q.strip():
        qs = qs.filter(title__icontains=f.q.strip()) | qs.filter(description__icontains=f.q.strip())
    if f.starts_from:
        qs = qs.filter(starts_at__date__gte=f.starts_from)
    if f.starts_until:
        qs = qs.filter(starts_at__date__lte=f.starts_until)
    return qs.distinct().prefetch_related("clusters", "themes").order_by("starts_at", "pk")


def filter_people(base: QuerySet[Person], f: PersonFilter) -> QuerySet[Person]:
    qs = base
    if f.q and f.q.strip():
        text = f.q.strip()
        qs = qs.filter(last_name__icontains=text) | qs.filter(first_name__icontains=text)
    if f.organisation:
        qs = qs.filter(affiliations__organisation_id=f.organisation)
    return (
        qs.distinct()
        .prefetch_related("affiliations__organisation")
        .order_by("last_name", "first_name", "pk")
    )
