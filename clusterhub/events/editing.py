"""Staff writes on events: saving the event form and planning a format's events, audited."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

from clusterhub.audit import services as audit
from clusterhub.events.models import Event, Format
from clusterhub.events.planning import plan_events
from clusterhub.events.services import Actor
from clusterhub.events.staff_forms import EventForm, FormatForm

BERLIN = ZoneInfo("Europe/Berlin")
AUDITED_FIELDS = [*EventForm.Meta.fields]


def save_event(actor: Actor, form: EventForm) -> Event:
    """Create or update the form's event and write what changed to the audit log."""
    with transaction.atomic():
        return audit.audited_save(actor, form.instance, AUDITED_FIELDS, form.save)


FORMAT_FIELDS = [*FormatForm.Meta.fields]


def save_format(actor: Actor, form: FormatForm) -> Format:
    """Create or update the form's format and write what changed to the audit log."""
    with transaction.atomic():
        return audit.audited_save(actor, form.instance, FORMAT_FIELDS, form.save)


def plan_format_events(actor: Actor, event_format: Format, until: dt.date) -> list[Event]:
    """Plan the format's events up to the end of ``until`` (Berlin time)."""
    end = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=BERLIN)
    return plan_events(actor, event_format, end)
