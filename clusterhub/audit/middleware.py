"""Every refused request leaves a trace: the address and the role of who tried, nothing more."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit.services import record_refusal

ANONYMOUS_ROLE = "anonymous"


class RefusedAccessMiddleware:
    """Records each 403 answer, whether a view raised ``PermissionDenied`` (Django turns it
    into the 403 response before it reaches this middleware) or returned the 403 itself.
    The query string and the body are left out: they may carry what was looked for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403:
            user = getattr(request, "user", None)
            role = viewer_for(user).role if user is not None else None
            record_refusal(
                user if user is not None and user.is_authenticated else None,
                path=f"{request.method} {request.path}",
                role=role or ANONYMOUS_ROLE,
            )
        return response
