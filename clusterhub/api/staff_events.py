"""The staff API for events and their registrations, through the events app's doors: who took
part is shown only to those who may see it on the participants page."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status

from clusterhub.accounts.roles import viewer_for
from clusterhub.api.forms_bridge import InvalidPayload
from clusterhub.api.queries import EventFilter, filter_events
from clusterhub.api.schemas import AttendanceIn, Error, EventOut, RegistrationIn, RegistrationOut
from clusterhub.events import attendance, services
from clusterhub.events.access import (
    events_visible_to,
    get_event_for_user,
    get_event_participants_for_user,
    get_registration_for_user,
)
from clusterhub.events.forms import ManualRegistrationForm
from clusterhub.events.models import Event, Registration

router = Router(tags=["Veranstaltungen (Mitarbeitende)"])
PAGE_SIZE = 50
REFUSED = {401: Error, 403: Error, 404: Error}
WRITE = {**REFUSED, 409: Error, 422: Error}


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


@router.post(
    "/events/{pk}/registrations",
    response={201: RegistrationOut, **WRITE},
    url_name="registrations",
)
def add_registration(request: HttpRequest, pk: int, payload: RegistrationIn) -> Status[Any]:
    """Eine Person anmelden (wie „Teilnehmende hinzufügen“): 409, wenn die Anmeldung
    abgelehnt wird (z. B. schon angemeldet)."""
    event = get_event_for_user(request.user, pk, write=True)
    form = ManualRegistrationForm(payload.dict())
    if not form.is_valid():
        raise InvalidPayload({k: [str(e) for e in v] for k, v in form.errors.items()})
    try:
        registration = services.register_participant(
            event,
            form.registration_data(payload.language[:2]),
            actor=request.user,
            by_staff=True,
        )
    except services.RegistrationRefused as refusal:
        raise HttpError(409, str(refusal)) from None
    return Status(201, registration)


@router.post(
    "/registrations/{pk}/attendance",
    response={200: RegistrationOut, **WRITE},
    url_name="attendance",
)
def mark_attendance(request: HttpRequest, pk: int, payload: AttendanceIn) -> Registration:
    """Teilnahme vermerken (anwesend oder nicht erschienen), wie in der Teilnehmendenliste."""
    registration = get_registration_for_user(request.user, pk, write=True)
    try:
        return attendance.record_attendance(
            request.user, registration, attended=payload.attended, now=timezone.now()
        )
    except services.RegistrationRefused as refusal:
        raise HttpError(409, str(refusal)) from None
