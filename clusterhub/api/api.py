"""The API: one NinjaAPI with the public router (no token) and the staff routers (a personal
token), JSON errors for refusals, and its OpenAPI schema and Swagger UI (served from the
files django-ninja ships, so the CSP's script-src 'self' holds and no CDN is asked)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from clusterhub.api import public, staff_events, staff_registry
from clusterhub.api.forms_bridge import InvalidPayload
from clusterhub.api.security import AddressThrottle, StaffToken, TokenThrottle

api = NinjaAPI(
    title="clusterhub API",
    version="1",
    description=(
        "Öffentliche Daten (Cluster, gelistete Organisationen, Veranstaltungen) ohne Anmeldung; "
        "das Register und die Veranstaltungen für Mitarbeitende mit einem persönlichen Token "
        "(`Authorization: Bearer …`, anzulegen unter „API-Tokens“ im eigenen Konto) — mit "
        "denselben Rechten wie auf den Seiten."
    ),
    urls_namespace="api",
    auth=StaffToken(),
    throttle=[AddressThrottle(), TokenThrottle()],
    docs_url="/docs",
)
api.add_router("/public", public.router)
api.add_router("/staff", staff_registry.router)
api.add_router("/staff", staff_events.router)


@api.exception_handler(PermissionDenied)
def refused(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Dafür fehlt die Berechtigung."}, status=403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Nicht gefunden."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": "Ein gültiges Token fehlt (Authorization: Bearer …)."}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(InvalidPayload)
def invalid(request: HttpRequest, exc: InvalidPayload) -> HttpResponse:
    return api.create_response(request, {"detail": exc.errors}, status=422)
