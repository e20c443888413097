"""A set of ids read once and passed to a query as one parameter.

The refresh counts registrations, feedback and meetings of a scope's events. Written as
``event_id IN (SELECT … FROM events_event JOIN events_event_clusters …)`` the set is planned
from the tables' statistics, and on a PostgreSQL database whose statistics are missing or
stale (right after a bulk load, before autovacuum's ``ANALYZE``) the planner estimated a set
of a thousand events at one row and joined half a million registrations to it in a nested
loop: minutes per refresh. Read once, the ids go in as one array, whose length the planner
knows: ``= ANY(%s)`` on PostgreSQL, ``IN (SELECT value FROM json_each(%s))`` on SQLite. A
list of ids through Django's ``__in`` would be a parameter each (thousands city-wide).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, Func
from django.db.models.sql.compiler import SQLCompiler


class AmongIds(Func):
    """``AmongIds("event_id", ids)``: true where the column (a field path, joins allowed)
    holds one of ``ids``; for ``.filter()`` and an aggregate's ``filter=``."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, field: str, ids: Iterable[int]) -> None:
        super().__init__(F(field))
        self.ids = sorted({int(pk) for pk in ids})

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **_extra: Any
    ) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s)", [*params, self.ids]
        # SQLite (JSON1 is built in since 3.38): one text parameter, unpacked by json_each.
        return f"{column} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(self.ids)]
