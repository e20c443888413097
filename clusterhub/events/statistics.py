"""Per-event figures for staff: places, attendance, new and returning organisations, countries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from clusterhub.events.charts import Bar, BarChart, bar_chart
from clusterhub.events.feedback import FeedbackSummary
from clusterhub.events.models import Event, Registration
from clusterhub.events.registrants import normalised

Status = Registration.Status


@dataclass(frozen=True)
class EventStatistics:
    capacity: int
    registered: int
    waitlisted: int
    cancelled: int
    attended: int
    no_shows: int
    new_organisations: int
    returning_organisations: int
    countries: tuple[tuple[str, int], ...]

    @property
    def utilisation(self) -> float:
        return self.registered / self.capacity if self.capacity else 0.0

    @property
    def attendance_rate(self) -> float | None:
        marked = self.attended + self.no_shows
        return self.attended / marked if marked else None


def _organisation_keys(organisation_id: int | None, typed_name: str) -> set[str]:
    """One organisation counted once: by its registry record, and by the name as typed —
    most public registrants' organisations are not (yet) in the registry."""
    keys = {f"id:{organisation_id}"} if organisation_id is not None else set()
    if typed_name.strip():
        keys.add(f"name:{normalised(typed_name)}")
    return keys


def event_statistics(event: Event) -> EventStatistics:
    rows = list(
        Registration.objects.filter(event=event).values_list(
            "status", "organisation_id", "organisation_name", "country"
        )
    )
    statuses = Counter(status for status, _org, _name, _country in rows)
    live = [row for row in rows if row[0] != Status.CANCELLED]
    # Each live registration's organisation as a set of keys; a registry record wins.
    organisations = {
        frozenset({f"id:{org}"} if org is not None else _organisation_keys(None, name))
        for _status, org, name, _country in live
        if org is not None or name.strip()
    }
    organisation_ids = {org for _status, org, _name, _country in live if org is not None}
    typed_names = {name.strip() for _status, org, name, _country in live if org is None and name}
    earlier_keys: set[str] = set()
    for org, name in (
        Registration.objects.filter(
            Q(organisation_id__in=organisation_ids) | Q(organisation_name__in=typed_names),
            event__starts_at__lt=event.starts_at,
        )
        .exclude(status=Status.CANCELLED)
        .values_list("organisation_id", "organisation_name")
    ):
        earlier_keys |= _organisation_keys(org, name)
    returning = sum(1 for keys in organisations if keys & earlier_keys)
    countries = Counter(country or "?" for _status, _org, _name, country in live)
    return EventStatistics(
        capacity=event.capacity,
        registered=sum(statuses[status] for status in Registration.HOLDS_PLACE),
        waitlisted=statuses[Status.WAITLISTED],
        cancelled=statuses[Status.CANCELLED],
        attended=statuses[Status.ATTENDED],
        no_shows=statuses[Status.NO_SHOW],
        new_organisations=len(organisations) - returning,
        returning_organisations=returning,
        countries=tuple(sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
    )


def rating_chart(summary: FeedbackSummary) -> BarChart:
    """How many answers gave each rating; the most frequent rating is the full bar."""
    most = max((count for _rating, count, _percent in summary.distribution), default=0)
    return bar_chart(
        _("Verteilung der Bewertungen"),
        _("Bewertung"),
        _("Antworten"),
        (
            Bar(
                label=_("%(rating)d von 5") % {"rating": rating},
                value=str(count),
                share=count / most if most else 0.0,
            )
            for rating, count, _percent in summary.distribution
        ),
    )
