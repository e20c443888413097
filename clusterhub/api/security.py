"""Who calls the API: a personal token in ``Authorization: Bearer …``, and how often anyone
may call it (per token and per address, counted in Django's cache; 429 with Retry-After)."""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from clusterhub.accounts.roles import viewer_for
from clusterhub.api.access import token_for_secret
from clusterhub.api.models import ApiToken
from clusterhub.api.services import note_use

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


class StaffToken(HttpBearer):
    """A valid, unrevoked token of agency staff. The user becomes ``request.user``, so every
    access door and every service sees the same actor as on the pages. A member editor's
    token is known but refused (403): the staff API has no member pages behind it."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_for_secret(token)
        if found is None:
            return None
        request.user = found.user
        if not viewer_for(found.user).is_agency_staff:
            raise PermissionDenied
        note_use(found)
        return found


def parse_rate(rate: str) -> tuple[int, int]:
    """``"60/min"`` → (60, 60): so many calls per so many seconds."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period.strip()]


class WindowThrottle(BaseThrottle):
    """A fixed window counted in the cache; the rate is read from the settings on each call,
    so a test (or an operator) can change it without re-importing the API."""

    scope = ""

    def rate(self) -> str:
        raise NotImplementedError

    def ident(self, request: HttpRequest) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: HttpRequest) -> bool:
        ident = self.ident(request)
        if ident is None:
            return True
        limit, seconds = parse_rate(self.rate())
        now = time.time()
        window = int(now // seconds)
        self.retry_after = math.ceil((window + 1) * seconds - now)
        key = f"api-rate:{self.scope}:{ident}:{seconds}:{window}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 1)
            count = 1
        return count <= limit

    def wait(self) -> float | None:
        return float(max(self.retry_after, 1))


class AddressThrottle(WindowThrottle):
    scope = "address"

    def rate(self) -> str:
        return str(settings.CLUSTERHUB_API_RATE_PER_ADDRESS)

    def ident(self, request: HttpRequest) -> str | None:
        # REMOTE_ADDR only: a forwarded header is the caller's to forge; behind a proxy the
        # server sets REMOTE_ADDR from the proxy's header.
        return str(request.META.get("REMOTE_ADDR", ""))


class TokenThrottle(WindowThrottle):
    scope = "token"

    def rate(self) -> str:
        return str(settings.CLUSTERHUB_API_RATE_PER_TOKEN)

    def ident(self, request: HttpRequest) -> str | None:
        token = getattr(request, "auth", None)
        return str(token.pk) if isinstance(token, ApiToken) else None
