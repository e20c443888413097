"""Liveness and readiness for a process manager or an orchestrator (docs/deploy.md).

``/healthz``: the process answers (no database, nothing else) — restart it when this fails.
``/readyz``: the database answers and every migration of this code is applied — send it
traffic only then (during an upgrade the new code waits for ``manage.py migrate``).

Answered by a middleware placed first, before host validation, the HTTPS redirect, sessions
and the language prefix: a probe comes over plain HTTP to the machine's own address, and must
not be redirected, refused for its Host header or counted as a visit.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"

# Once every migration is applied it stays so for this process's code: later probes only ask
# the database whether it answers (building the migration plan reads every migration file).
_migrations_applied = False


def unapplied_migrations() -> int:
    """How many migrations of this code the database lacks (0 once it is up to date)."""
    global _migrations_applied
    if _migrations_applied:
        return 0
    executor = MigrationExecutor(connection)
    missing = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrations_applied = missing == 0
    return missing


def forget_migration_state() -> None:
    """For tests: check the migrations again on the next probe."""
    global _migrations_applied
    _migrations_applied = False


def readiness() -> tuple[bool, dict[str, str]]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # Only the kind of failure: the error's text may name hosts and users.
        return False, {"database": "unreachable"}
    missing = unapplied_migrations()
    if missing:
        return False, {"database": "ok", "migrations": f"{missing} not applied"}
    return True, {"database": "ok", "migrations": "ok"}


def _answer(ok: bool, details: dict[str, str]) -> HttpResponse:
    body = {"status": "ok" if ok else "unavailable", **details}
    response = HttpResponse(
        json.dumps(body), content_type="application/json", status=200 if ok else 503
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if request.method in {"GET", "HEAD"}:
            if path == LIVENESS_PATH:
                return _answer(True, {})
            if path == READINESS_PATH:
                return _answer(*readiness())
        return self.get_response(request)
