"""A participant's published meetings as an iCalendar (RFC 5545) document."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.events.ics import PRODUCT_ID
from clusterhub.matchmaking.models import Participant
from clusterhub.matchmaking.queries import AgendaEntry


def agenda_calendar(participant: Participant, entries: Sequence[AgendaEntry]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{participant.event.title}: {_('Meine Treffen')}")
    for entry in entries:
        item = CalendarEvent()
        item.add("uid", f"meeting-{entry.meeting.pk}-{participant.pk}@clusterhub")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", timezone.localtime(entry.slot.start))
        item.add("dtend", timezone.localtime(entry.slot.end))
        partner = entry.partner
        label = partner.display_name
        if partner.organisation_label:
            label = f"{label} ({partner.organisation_label})"
        item.add("summary", _("Treffen mit %(partner)s") % {"partner": label})
        item.add("location", f"{_('Tisch')} {entry.table.label}")
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
