"""The staff API for the registry: organisations, people, memberships. Reads through the
directory's doors, writes through its forms and services, as the pages do."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status

from clusterhub.accounts.roles import viewer_for
from clusterhub.api.forms_bridge import InvalidPayload, bound_form
from clusterhub.api.queries import (
    OrganisationFilter,
    PersonFilter,
    filter_organisations,
    filter_people,
)
from clusterhub.api.schemas import (
    Error,
    MembershipIn,
    MembershipOut,
    OrganisationIn,
    OrganisationOut,
    PersonIn,
    PersonOut,
)
from clusterhub.audit import services as audit
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.directory import services
from clusterhub.directory.access import (
    can_create_organisation,
    get_membership_for_user,
    get_organisation_for_user,
    get_person_for_user,
    organisations_visible_to,
    people_visible_to,
)
from clusterhub.directory.forms import MembershipForm, OrganisationForm, PersonForm
from clusterhub.directory.models import Organisation, Person

router = Router(tags=["Register (Mitarbeitende)"])
PAGE_SIZE = 50
REFUSED = {401: Error, 403: Error, 404: Error}
WRITE = {**REFUSED, 422: Error}


def _organisation(request: HttpRequest, pk: int) -> Organisation:
    return filter_organisations(
        organisations_visible_to(viewer_for(request.user)), OrganisationFilter()
    ).get(pk=pk)


@router.get("/organisations", response=list[OrganisationOut], url_name="organisations")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilter]) -> Any:
    return filter_organisations(organisations_visible_to(viewer_for(request.user)), filters)


@router.get(
    "/organisations/{pk}", response={200: OrganisationOut, **REFUSED}, url_name="organisation"
)
def organisation(request: HttpRequest, pk: int) -> Organisation:
    return _organisation(request, get_organisation_for_user(request.user, pk).pk)


@router.post("/organisations", response={201: OrganisationOut, **WRITE}, url_name="organisations")
def create_organisation(request: HttpRequest, payload: OrganisationIn) -> Status[Any]:
    if not can_create_organisation(viewer_for(request.user)):
        raise PermissionDenied
    form = bound_form(OrganisationForm, Organisation(), payload.dict(exclude_unset=True))
    saved = services.save_organisation(request.user, form.instance, form.cleaned_data)
    return Status(201, _organisation(request, saved.pk))


@router.patch(
    "/organisations/{pk}", response={200: OrganisationOut, **WRITE}, url_name="organisation"
)
def edit_organisation(request: HttpRequest, pk: int, payload: OrganisationIn) -> Organisation:
    stored = get_organisation_for_user(request.user, pk, write=True)
    form = bound_form(OrganisationForm, stored, payload.dict(exclude_unset=True))
    services.save_organisation(request.user, form.instance, form.cleaned_data)
    return _organisation(request, pk)


@router.get(
    "/organisations/{pk}/memberships",
    response={200: list[MembershipOut], **REFUSED},
    url_name="memberships",
)
def memberships(request: HttpRequest, pk: int) -> Any:
    found = get_organisation_for_user(request.user, pk)
    return found.memberships.select_related("cluster").order_by("cluster__name", "pk")


@router.post(
    "/organisations/{pk}/memberships",
    response={201: MembershipOut, **WRITE},
    url_name="membership_add",
)
def add_membership(request: HttpRequest, pk: int, payload: MembershipIn) -> Status[Any]:
    found = get_organisation_for_user(request.user, pk)
    managed = clusters_managed_by(viewer_for(request.user))
    cluster = managed.filter(slug=payload.cluster).first()
    if cluster is None:  # not hers to add to (or no such cluster): refused, nothing written
        raise PermissionDenied
    data = {"cluster": cluster.pk, "role": payload.role, "started_on": payload.started_on or ""}
    form = MembershipForm(data, clusters=managed)
    if not form.is_valid():
        raise InvalidPayload({k: [str(e) for e in v] for k, v in form.errors.items()})
    return Status(201, services.add_membership(request.user, found, form.cleaned_data))


@router.post(
    "/memberships/{pk}/end", response={200: MembershipOut, **REFUSED}, url_name="membership_end"
)
def end_membership(request: HttpRequest, pk: int) -> Any:
    return services.end_membership(request.user, get_membership_for_user(request.user, pk))


@router.get("/people", response=list[PersonOut], url_name="people")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_people(request: HttpRequest, filters: Query[PersonFilter]) -> Any:
    return filter_people(people_visible_to(viewer_for(request.user)), filters)


def _person(request: HttpRequest, pk: int) -> Person:
    return filter_people(people_visible_to(viewer_for(request.user)), PersonFilter()).get(pk=pk)


@router.get("/people/{pk}", response={200: PersonOut, **REFUSED}, url_name="person")
def person(request: HttpRequest, pk: int) -> Person:
    found = get_person_for_user(request.user, pk)
    audit.record_view(request.user, found)
    return _person(request, pk)


@router.patch("/people/{pk}", response={200: PersonOut, **WRITE}, url_name="person")
def edit_person(request: HttpRequest, pk: int, payload: PersonIn) -> Person:
    stored = get_person_for_user(request.user, pk, write=True)
    form = bound_form(PersonForm, stored, payload.dict(exclude_unset=True))
    services.save_person(request.user, form.instance, form.cleaned_data)
    return _person(request, pk)
