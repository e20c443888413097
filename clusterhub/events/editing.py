"""Staff writes on events: saving an event or a format from cleaned data, and planning a format's
events, audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from clusterhub.audit import services as audit
from clusterhub.core.values import assign_values, model_field_names
from clusterhub.events.models import Event, Format
from clusterhub.events.planning import plan_events
from clusterhub.events.services import Actor

BERLIN = ZoneInfo("Europe/Berlin")


def _save(actor: Actor, obj: Event | Format, values: Mapping[str, Any]) -> None:
    set_many_to_many = assign_values(obj, values)

    def write() -> Event | Format:
        obj.save()
        set_many_to_many()
        return obj

    audit.audited_save(actor, obj, model_field_names(type(obj), values), write)


def save_event(actor: Actor, event: Event, values: Mapping[str, Any]) -> Event:
    """Write ``values`` (cleaned data, themes and clusters included) to a new or a stored
    event and write what changed to the audit log."""
    with transaction.atomic():
        _save(actor, event, values)
    return event


def save_format(actor: Actor, event_format: Format, values: Mapping[str, Any]) -> Format:
    """Write ``values`` (cleaned data) to a new or a stored format and write what changed to
    the audit log."""
    with transaction.atomic():
        _save(actor, event_format, values)
    return event_format


def plan_format_events(actor: Actor, event_format: Format, until: dt.date) -> list[Event]:
    """Plan the format's events up to the end of ``until`` (Berlin time)."""
    end = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=BERLIN)
    return plan_events(actor, event_format, end)
