"""One log line per request, with a request id (docs/deploy.md, "Logs").

The id comes from the proxy's ``X-Request-ID`` header when it sends a sane one (so the proxy's
access line and ours share it), else a fresh one; it is sent back in the response header and
added to every record logged while the request runs (``config.logs.RequestIdFilter``).
Placed after the health middleware: probes are not visits and are not logged.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from config.logs import REQUEST_LOGGER, current_request_id

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and a few separators, bounded: a client must not write into our logs freely.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")

logger = logging.getLogger(REQUEST_LOGGER)


def request_id_of(request: HttpRequest) -> str:
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    return offered if _SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_of(request)
        # Cleared when the response is closed, not here: Django logs a 4xx/5xx ("Not Found: …")
        # after the middleware has returned, and that line should carry the id too.
        current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response[REQUEST_ID_HEADER] = request_id
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


@receiver(request_finished)
def forget_request_id(**_kwargs: object) -> None:
    current_request_id.set("")
