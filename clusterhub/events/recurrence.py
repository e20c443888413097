"""RFC 5545 recurrence rules of event formats: validation and expansion with dateutil."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Without a bound an unlimited rule ("FREQ=WEEKLY") would be expanded forever.
MAX_OCCURRENCES = 500


def parse_rule(text: str, first_start: dt.datetime) -> rrule:
    """The rule in ``text`` anchored at ``first_start``; ValueError when it is not RFC 5545."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body or "\n" in body:
        raise ValueError("one RRULE line expected")
    parsed = rrulestr(body, dtstart=first_start)
    if not isinstance(parsed, rrule):
        raise ValueError("one RRULE line expected")
    return parsed


def validate_rule(text: str) -> None:
    """Model and form validator: the text must be one RRULE that dateutil can read."""
    try:
        parse_rule(text, dt.datetime(2026, 1, 1, 18, 0))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Keine gültige Wiederholungsregel nach RFC 5545 (z. B. FREQ=MONTHLY;INTERVAL=4)."),
            code="invalid_rrule",
        ) from error


def occurrences(
    text: str, first_start: dt.datetime, until: dt.datetime, after: dt.datetime | None = None
) -> list[dt.datetime]:
    """Start times of the rule from ``first_start`` up to ``until`` (inclusive), in order.

    Times are expanded in the zone of ``first_start`` as wall-clock times, so an 18:00 series
    stays at 18:00 across the change to and from summer time.
    """
    zone = first_start.tzinfo
    naive_first = first_start.replace(tzinfo=None)
    rule = parse_rule(text, naive_first)
    naive_until = until.astimezone(zone).replace(tzinfo=None) if zone else until
    starts: list[dt.datetime] = []
    for naive in rule.xafter(naive_first, count=MAX_OCCURRENCES, inc=True):
        if naive > naive_until:
            break
        start = naive.replace(tzinfo=zone)
        if after is None or start > after:
            starts.append(start)
    return starts
