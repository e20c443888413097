"""People as vCard 3.0 (RFC 2426) and follow-ups as iCalendar.

vCard is written here: no pinned library writes it (vobject is not a dependency), and the
few properties needed are plain text with RFC 2426 escaping and line folding."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.directory.models import Person


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )  # fmt: skip


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 2425 5.8.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def vcard(person: Person) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(person.last_name)};{_escape(person.first_name)};;;",
        f"FN:{_escape(person.full_name)}",
    ]
    affiliations = list(person.affiliations.all())
    if affiliations:
        lines.append(f"ORG:{_escape(affiliations[0].organisation.name)}")
        if affiliations[0].function:
            lines.append(f"TITLE:{_escape(affiliations[0].function)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK:{_escape(person.phone)}")
    lines.append(f"UID:clusterhub-person-{person.pk}")
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def vcards(people: Iterable[Person]) -> bytes:
    return "".join(vcard(person) for person in people).encode("utf-8")


def follow_up_calendar(follow_ups: Iterable[Any], name: str) -> bytes:
    """All-day entries on each follow-up's due date."""
    calendar = Calendar()
    calendar.add("prodid", "-//clusterhub//Wiedervorlagen//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    host = settings.SITE_URL.split("://", 1)[-1]
    for follow_up in follow_ups:
        entry = CalendarEvent()
        entry.add("uid", f"follow-up-{follow_up.pk}@{host}")
        entry.add("summary", follow_up.description)
        entry.add("dtstart", follow_up.due_on)
        entry.add("dtend", follow_up.due_on + timedelta(days=1))
        entry.add(
            "description",
            f"{follow_up.interaction.organisation.name}: {follow_up.interaction.subject}",
        )
        entry.add("status", "COMPLETED" if follow_up.done_at else "NEEDS-ACTION")
        calendar.add_component(entry)
    return calendar.to_ical()
