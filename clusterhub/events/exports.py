"""Participant lists as CSV and xlsx (openpyxl) for staff."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.core import spreadsheets
from clusterhub.events.models import Registration


def _header() -> list[str]:
    return [
        _("Nachname"),
        _("Vorname"),
        _("E-Mail"),
        _("Organisation"),
        _("Land"),
        _("Status"),
        _("Wartelistenplatz"),
        _("Angemeldet am"),
        _("Eingecheckt am"),
    ]


def _row(registration: Registration) -> list[str]:
    def when(value: object) -> str:
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""  # type: ignore[arg-type]

    organisation = registration.organisation.name if registration.organisation else ""
    return [
        registration.last_name or (registration.person.last_name if registration.person else ""),
        registration.first_name or (registration.person.first_name if registration.person else ""),
        registration.recipient,
        organisation or registration.organisation_name,
        registration.country,
        str(registration.get_status_display()),
        str(registration.waitlist_position or ""),
        when(registration.created_at),
        when(registration.checked_in_at),
    ]


def participants_csv(registrations: Iterable[Registration]) -> bytes:
    return spreadsheets.csv_bytes(_header(), (_row(registration) for registration in registrations))


def participants_xlsx(registrations: Iterable[Registration]) -> bytes:
    return spreadsheets.xlsx_bytes(
        _("Teilnehmende"), _header(), (_row(registration) for registration in registrations)
    )
