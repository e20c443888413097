"""The staff API for events and their registrations, through the events app's doors: who took
part is shown only to those who may see it on the participants page."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import PageNumberPagination, paginate

from clusterhub.accounts.roles import viewer_for
from clusterhub.api.queries import EventFilter, filter_events
from clusterhub.api.schemas import Error, EventOut, RegistrationOut
from clusterhub.events.access import (
    events_visible_to,
    get_event_for_user,
    get_event_participants_for_user,
)
from clusterhub.events.models import Event

router = Router(tags=["Veranstaltungen (Mitarbeitende)"])
PAGE_SIZE = 50
REFUSED = {401: Error, 403: Error, 404: Error}


@router.get("/events", response=list[EventOut], url_name="events")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_events(request: HttpRequest, filters: Query[EventFilter]) -> Any:
    return filter_events(events_visible_to(viewer_for(request.user)), filters)


@router.get("/events/{pk}", response={200: EventOut, **REFUSED}, url_name="event")
def event(request: HttpRequest, pk: int) -> Event:
    found = get_event_for_user(request.user, pk)
    return filter_events(events_visible_to(viewer_for(request.user)), EventFilter()).get(
        pk=found.pk
    )


@router.get(
    "/events/{pk}/registrations",
    response={200: list[RegistrationOut], **REFUSED},
    url_name="registrations",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def registrations(request: HttpRequest, pk: int) -> Any:
    """Die Anmeldungen: für die Verwaltenden der Cluster der Veranstaltung (wie die
    Teilnehmendenliste); Lesende nur, wo die Einstellung es erlaubt."""
    participants = get_event_participants_for_user(request.user, pk, people=True)
    assert participants.registrations is not None  # people=True refuses the counts-only case
    return participants.registrations.order_by("created_at", "pk")
