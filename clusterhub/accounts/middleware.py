"""How long a login lasts: it ends after an idle time (``SESSION_COOKIE_AGE``) and, however
active the session, a working day after the login (``CLUSTERHUB_SESSION_MAX_HOURS``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse

LOGGED_IN_AT = "clusterhub_logged_in_at"
LAST_SEEN = "clusterhub_last_seen"
# Saving the session slides its expiry (the idle timeout); once a minute is close enough and
# spares a database write on every request.
SLIDE_EVERY_SECONDS = 60


def start_session_clock(session: SessionBase) -> None:
    """Called at login, so the requests after it need not write the session."""
    now = time.time()
    session[LOGGED_IN_AT] = now
    session[LAST_SEEN] = now


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            session = request.session
            now = time.time()
            # A session from before this rule (or a test's force_login) starts its clock now.
            logged_in_at = float(session.setdefault(LOGGED_IN_AT, now))
            if now - logged_in_at > settings.CLUSTERHUB_SESSION_MAX_HOURS * 3600:
                logout(request)
            elif now - float(session.get(LAST_SEEN, 0)) > SLIDE_EVERY_SECONDS:
                session[LAST_SEEN] = now
        return self.get_response(request)
