"""The public read API: what the public pages show, to anyone, without a token."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import PageNumberPagination, paginate

from clusterhub.api.queries import (
    EventFilter,
    OrganisationFilter,
    filter_events,
    filter_organisations,
)
from clusterhub.api.schemas import ClusterOut, Error, PublicEventOut, PublicOrganisationOut
from clusterhub.api.security import AddressThrottle
from clusterhub.clusters.queries import public_clusters
from clusterhub.directory.access import get_public_organisation, public_organisations
from clusterhub.events.access import get_public_event, public_events

router = Router(tags=["Öffentlich"], auth=None, throttle=[AddressThrottle()])
PAGE_SIZE = 50


@router.get("/clusters", response=list[ClusterOut], url_name="public_clusters")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_clusters(request: HttpRequest) -> Any:
    """Die Cluster, Netzwerke und Initiativen (ohne Konsortien)."""
    return public_clusters()


@router.get("/organisations", response=list[PublicOrganisationOut], url_name="public_organisations")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilter]) -> Any:
    """Organisationen, die der öffentlichen Listung zugestimmt haben."""
    return filter_organisations(public_organisations(), filters)


@router.get(
    "/organisations/{pk}",
    response={200: PublicOrganisationOut, 404: Error},
    url_name="public_organisation",
)
def organisation(request: HttpRequest, pk: int) -> Any:
    get_public_organisation(pk)
    return filter_organisations(public_organisations(), OrganisationFilter()).get(pk=pk)


@router.get("/events", response=list[PublicEventOut], url_name="public_events")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_events(request: HttpRequest, filters: Query[EventFilter]) -> Any:
    """Öffentliche Veranstaltungen und solche für Mitglieder (nicht die auf Einladung)."""
    return filter_events(public_events(), filters)


@router.get("/events/{pk}", response={200: PublicEventOut, 404: Error}, url_name="public_event")
def event(request: HttpRequest, pk: int) -> Any:
    get_public_event(pk)
    return filter_events(public_events(), EventFilter()).get(pk=pk)
