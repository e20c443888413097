"""The dashboard as shown: each stored figure with its label, the value of the period before,
the change, and the list behind it. The annual report words its figures with the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.insight import charts
from clusterhub.insight.figures import FIGURE_KEYS
from clusterlogic.insight.figures import ABROAD, COUNTRY, HOME, REGION, Change

LABELS: dict[str, Promise] = {
    "members": _("Mitglieder am Ende des Zeitraums"),
    "members_new": _("Neue Mitglieder"),
    "members_left": _("Ausgetretene Mitglieder"),
    "organisations_reached": _("Erreichte Organisationen (jede Aktivität)"),
    "events": _("Veranstaltungen"),
    "participants": _("Teilnehmende (angemeldet)"),
    "attended": _("Eingecheckt / teilgenommen"),
    "attendance_rate": _("Teilnahmequote in Prozent (eingecheckt / angemeldet)"),
    "repeat_participants": _("Wiederkehrende Teilnehmende (2 und mehr Termine)"),
    "introductions": _("Vermittlungen"),
    "introductions_followed_up": _("Vermittlungen mit Nachverfolgung"),
    "meetings_held": _("Matchmaking-Gespräche geführt"),
    "feedback_count": _("Rückmeldungen"),
    "feedback_average": _("Durchschnittliche Bewertung (1–5)"),
}
ORIGINS: dict[str, Promise] = {
    HOME: _("Stadt"),
    REGION: _("Region"),
    COUNTRY: _("übriges Inland"),
    ABROAD: _("Ausland"),
}
# Figures drawn in the comparison chart: counts of comparable size (rates and scores are in
# the table only).
CHARTED = ("members", "organisations_reached", "events", "participants", "attended",
           "repeat_participants", "introductions", "meetings_held")  # fmt: skip


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: Promise
    current: float | None
    previous: float | None
    url: str

    @property
    def change(self) -> Change | None:
        if self.current is None or self.previous is None:
            return None
        return Change(current=self.current, previous=self.previous)


def _list_url(name: str, **query: Any) -> str:
    cleaned = {key: value for key, value in query.items() if value not in (None, "")}
    return reverse(name) + ("?" + urlencode(cleaned) if cleaned else "")


def figure_rows(data: dict[str, Any], cluster: Cluster | None) -> list[FigureRow]:
    """The figures in their order, each with the list page (and filter) behind it."""
    pk = cluster.pk if cluster else None
    organisations = _list_url("directory:organisation_list", cluster=pk)
    members = _list_url("directory:organisation_list", cluster=pk, status="member")
    events = reverse("events:staff_list")
    urls = {
        "members": members,
        "members_new": members,
        "members_left": _list_url("directory:organisation_list", cluster=pk, status="former"),
        "organisations_reached": organisations,
        "introductions": organisations,
        "introductions_followed_up": reverse("crm:my_follow_ups"),
    }
    return [
        FigureRow(
            key=key,
            label=LABELS[key],
            current=data["current"].get(key),
            previous=data["previous"].get(key),
            url=urls.get(key, events),
        )
        for key in FIGURE_KEYS
    ]


def breakdown_rows(
    data: dict[str, Any], cluster: Cluster | None
) -> dict[str, list[tuple[str, int, str]]]:
    """Kinds, origins and ratings as (label, count, list url) rows."""
    pk = cluster.pk if cluster else None
    kind_labels = dict(Organisation.Kind.choices)
    home = data.get("home_city", "")
    return {
        "kinds": [
            (
                str(kind_labels.get(kind, kind)),
                count,
                _list_url("directory:organisation_list", cluster=pk, kind=kind),
            )
            for kind, count in data["kinds"].items()
        ],
        "origins": [
            (
                str(ORIGINS[key]),
                data["origins"].get(key, 0),
                _list_url(
                    "directory:organisation_list", cluster=pk, city=home if key == HOME else ""
                ),
            )
            for key in (HOME, REGION, COUNTRY, ABROAD)
        ],
        "ratings": [
            (str(_("%(rating)s von 5") % {"rating": rating}), count, reverse("events:staff_list"))
            for rating, count in data["ratings"].items()
        ],
    }


def dashboard_charts(rows: list[FigureRow], breakdowns: dict[str, list[tuple[str, int, str]]],
                     names: tuple[str, str]) -> dict[str, dict[str, Any]]:  # fmt: skip
    charted = [row for row in rows if row.key in CHARTED]
    return {
        "compare": charts.horizontal_bars(
            [str(row.label) for row in charted],
            [row.current or 0 for row in charted],
            [row.url for row in charted],
            previous=[row.previous or 0 for row in charted],
            names=names,
        ),
        **{
            key: charts.horizontal_bars(
                [label for label, _c, _u in items],
                [count for _l, count, _u in items],
                [url for _l, _c, url in items],
            )
            for key, items in breakdowns.items()
        },
    }
