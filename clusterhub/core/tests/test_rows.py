"""core.rows loads a row by plain SQL exactly as the ORM does, and locks only when asked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.core import rows
from clusterhub.core.locks import lock_event
from clusterhub.events.models import Event

pytestmark = pytest.mark.django_db


def field_values(instance: object, model: type[Model]) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in model._meta.concrete_fields}


def test_a_row_read_by_plain_sql_equals_the_orms() -> None:
    start = timezone.now().replace(microsecond=123456) + dt.timedelta(days=3)
    event = Event.objects.create(
        title="Fügen & Prüfen", starts_at=start, ends_at=start + dt.timedelta(hours=2), capacity=7
    )
    entry = AuditEntry.objects.create(
        action=AuditEntry.Action.CREATE, object_type="events.event", changes={"a": [1, None]}
    )
    read = rows.one_row(Event, f"{rows.column(Event, 'id')} = %s", [event.pk])
    assert read is not None and not read._state.adding
    assert field_values(read, Event) == field_values(Event.objects.get(pk=event.pk), Event)
    assert read.starts_at == start and timezone.is_aware(read.starts_at)
    audit = rows.one_row(AuditEntry, f"{rows.column(AuditEntry, 'id')} = %s", [entry.pk])
    assert field_values(audit, AuditEntry) == field_values(
        AuditEntry.objects.get(pk=entry.pk), AuditEntry
    )
    assert rows.one_row(Event, f"{rows.column(Event, 'id')} = %s", [event.pk + 1000]) is None


def test_rows_keep_the_order_and_limit_asked_for() -> None:
    start = timezone.now() + dt.timedelta(days=3)
    events = [
        Event.objects.create(
            title=f"E{n}", starts_at=start, ends_at=start + dt.timedelta(hours=1), capacity=n
        )
        for n in range(4)
    ]
    found = rows.rows_of(
        Event,
        f"{rows.column(Event, 'capacity')} >= %s",
        [1],
        suffix=f" ORDER BY {rows.column(Event, 'id')} DESC LIMIT 2",
    )
    assert [event.pk for event in found] == [events[3].pk, events[2].pk]


def test_the_event_lock_locks_where_the_database_has_row_locks(event: Event) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert lock_event(event.pk).pk == event.pk
    locked = "FOR UPDATE" in queries.captured_queries[-1]["sql"]
    assert locked == connection.features.has_select_for_update
    with pytest.raises(Event.DoesNotExist):
        lock_event(event.pk + 1000)
