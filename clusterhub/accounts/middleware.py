"""A login lasts a working day at most, however active the session (the idle timeout is the
session cookie's sliding age, ``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

LOGGED_IN_AT = "clusterhub_logged_in_at"


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            logged_in_at = request.session.setdefault(LOGGED_IN_AT, now)
            if now - float(logged_in_at) > settings.CLUSTERHUB_SESSION_MAX_HOURS * 3600:
                logout(request)
        return self.get_response(request)
