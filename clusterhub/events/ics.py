"""iCalendar (RFC 5545) documents for events: mail attachments and subscription feeds."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.events.conf import site_url
from clusterhub.events.models import Event

PRODUCT_ID = "-//Wirtschaftsförderung Mannheim//clusterhub//DE"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@clusterhub"


def _location(event: Event) -> str:
    parts = [part for part in (event.venue, event.address) if part]
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(parts)


def calendar_event(event: Event) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.starts_at))
    entry.add("dtend", timezone.localtime(event.ends_at))
    entry.add("summary", event.title)
    if event.description:
        entry.add("description", event.description)
    location = _location(event)
    if location:
        entry.add("location", location)
    entry.add("url", site_url() + reverse("events:detail", args=[event.pk]))
    entry.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return entry


def calendar_document(events: Iterable[Event], name: str = "clusterhub") -> bytes:
    """A VCALENDAR with one VEVENT per event, with its time zone definitions."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(calendar_event(event))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
