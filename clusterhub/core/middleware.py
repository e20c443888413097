"""Response rules for every page: no caching of personal pages, an own page for 405."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from clusterhub.core.errors import method_not_allowed

# URL arguments that carry a secret: a participant's link or a signed check-in code.
SECRET_URL_ARGUMENTS = frozenset({"token", "signature", "uidb64"})


def shows_personal_data(request: HttpRequest) -> bool:
    """Pages for a logged-in person and pages behind a secret link are never for a cache."""
    if request.user.is_authenticated:
        return True
    match = request.resolver_match
    return match is not None and not SECRET_URL_ARGUMENTS.isdisjoint(match.kwargs)


class PrivatePagesMiddleware:
    """``Cache-Control: private, no-store`` on pages with personal data, so neither a shared
    proxy nor the browser's back button on a shared computer keeps them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if shows_personal_data(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong method with an empty ``HttpResponseNotAllowed``; this renders the
    site's own 405 page in its place, keeping the ``Allow`` header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "content", b"x"):
            page = method_not_allowed(request)
            if allow := response.get("Allow"):
                page["Allow"] = allow
            return page
        return response
