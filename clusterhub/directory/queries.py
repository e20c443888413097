"""Reads of the registry for the back office and the public directory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from clusterhub.accounts.roles import Viewer
from clusterhub.directory import search
from clusterhub.directory.access import organisations_visible_to, public_organisations
from clusterhub.directory.duplicates import FoundOrganisation, candidates_for, organisation_record
from clusterhub.directory.models import Membership, Organisation

PAGE_SIZE = 25
SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "city": ("city", "name", "id"),
    "-updated": ("-updated_at", "id"),
    "founding": ("founding_year", "name", "id"),
}


@dataclass(frozen=True)
class OrganisationFilter:
    query: str = ""
    cluster_id: int | None = None
    kind: str = ""
    theme_id: int | None = None
    status: str = ""
    city: str = ""
    sort: str = "name"


def _filtered(base: QuerySet[Organisation], f: OrganisationFilter) -> QuerySet[Organisation]:
    qs = base
    # IN (subquery) rather than EXISTS: both databases then walk the small index of one
    # cluster's members or one theme's organisations instead of probing it once per row.
    if f.cluster_id:
        members = Membership.objects.filter(cluster_id=f.cluster_id, ended_on__isnull=True)
        qs = qs.filter(pk__in=members.values("organisation_id"))
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.city:
        qs = qs.filter(city__iexact=f.city)
    if f.theme_id:
        tagged = Organisation.themes.through.objects.filter(theme_id=f.theme_id)
        qs = qs.filter(pk__in=tagged.values("organisation_id"))
    return qs


def _with_list_relations(qs: QuerySet[Organisation]) -> QuerySet[Organisation]:
    active = Membership.objects.filter(ended_on__isnull=True).select_related("cluster")
    return qs.only(
        "id", "name", "legal_form", "kind", "city", "status", "listed_publicly", "updated_at"
    ).prefetch_related(Prefetch("memberships", queryset=active, to_attr="active_memberships"))


def search_organisations(
    base: QuerySet[Organisation], f: OrganisationFilter, page_number: int | str | None
) -> Page[Organisation]:
    """One page of organisations matching the filter; with a query, best matches first."""
    qs = _filtered(base, f)
    if f.query.strip():
        found = search.candidate_ids(f.query)
        rows = list(qs.filter(pk__in=found).values_list("pk", "name"))
        ordered = search.rank_by_name(f.query, rows, found)
        paginator: Paginator[int] = Paginator(ordered, PAGE_SIZE)
        id_page = paginator.get_page(page_number)
        found_rows = _with_list_relations(Organisation.objects.filter(pk__in=list(id_page)))
        by_id = {organisation.pk: organisation for organisation in found_rows}
        page_rows = [by_id[pk] for pk in id_page if pk in by_id]
        return Page(page_rows, id_page.number, paginator)  # type: ignore[arg-type]
    ordering = SORTS.get(f.sort, SORTS["name"])
    return Paginator(_with_list_relations(qs.order_by(*ordering)), PAGE_SIZE).get_page(page_number)


def staff_organisation_page(
    viewer: Viewer, f: OrganisationFilter, page_number: int | str | None
) -> Page[Organisation]:
    return search_organisations(organisations_visible_to(viewer), f, page_number)


def public_directory_page(
    f: OrganisationFilter, page_number: int | str | None
) -> Page[Organisation]:
    return search_organisations(public_organisations(), f, page_number)


def possible_duplicates(viewer: Viewer, data: Mapping[str, Any]) -> list[FoundOrganisation]:
    """Organisations the viewer can see that may be the one about to be created from the
    organisation form's cleaned ``data``."""
    record = organisation_record(
        None,
        data.get("name") or "",
        data.get("legal_form") or "",
        data.get("city") or "",
        data.get("postcode") or "",
        data.get("street") or "",
        data.get("country") or "",
        data.get("website") or "",
    )
    return candidates_for(record, organisations_visible_to(viewer))
