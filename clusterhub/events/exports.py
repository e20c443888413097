"""Participant lists as CSV and xlsx (openpyxl) for staff."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

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


def _safe(cell: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + cell if cell[:1] in {"=", "+", "-", "@"} else cell


def participants_csv(registrations: Iterable[Registration]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_header())
    for registration in registrations:
        writer.writerow([_safe(cell) for cell in _row(registration)])
    # Excel opens UTF-8 CSV correctly only with a byte-order mark.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def participants_xlsx(registrations: Iterable[Registration]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Teilnehmende")[:31]
    sheet.append(_header())
    for registration in registrations:
        sheet.append([_safe(cell) for cell in _row(registration)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
