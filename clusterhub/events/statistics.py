"""Per-event figures for staff: places, attendance, new and returning organisations, countries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from clusterhub.events.charts import Bar, BarChart, bar_chart
from clusterhub.events.feedback import FeedbackSummary
from clusterhub.events.models import Event, Registration

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


def event_statistics(event: Event) -> EventStatistics:
    rows = list(
        Registration.objects.filter(event=event).values_list("status", "organisation_id", "country")
    )
    statuses = Counter(status for status, _org, _country in rows)
    live = [row for row in rows if row[0] != Status.CANCELLED]
    organisation_ids = {org for _status, org, _country in live if org is not None}
    returning = set(
        Registration.objects.filter(
            organisation_id__in=organisation_ids, event__starts_at__lt=event.starts_at
        )
        .exclude(status=Status.CANCELLED)
        .values_list("organisation_id", flat=True)
    )
    countries = Counter(country or "?" for _status, _org, country in live)
    return EventStatistics(
        capacity=event.capacity,
        registered=sum(statuses[status] for status in Registration.HOLDS_PLACE),
        waitlisted=statuses[Status.WAITLISTED],
        cancelled=statuses[Status.CANCELLED],
        attended=statuses[Status.ATTENDED],
        no_shows=statuses[Status.NO_SHOW],
        new_organisations=len(organisation_ids - returning),
        returning_organisations=len(organisation_ids & returning),
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
