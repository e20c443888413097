"""The data export as a readable PDF: the same plain data as the JSON, in German headings and
labels, one section per kind of data (HTML template through WeasyPrint, like the agendas)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

LABELS: dict[str, Any] = {
    "person": _("Person"),
    "affiliations": _("Zugehörigkeiten"),
    "consents": _("Einwilligungen"),
    "registrations": _("Veranstaltungsanmeldungen"),
    "invitations": _("Einladungen"),
    "interactions": _("Kontakte (CRM)"),
    "introductions": _("Vorstellungen"),
    "audit_entries": _("Einträge im Änderungsprotokoll"),
    "first_name": _("Vorname"),
    "last_name": _("Nachname"),
    "email": _("E-Mail"),
    "phone": _("Telefon"),
    "preferred_language": _("Sprache"),
    "created_at": _("Angelegt am"),
    "updated_at": _("Geändert am"),
    "organisation": _("Organisation"),
    "function": _("Funktion"),
    "purpose": _("Zweck"),
    "given_at": _("Erteilt am"),
    "source": _("Quelle"),
    "withdrawn_at": _("Widerrufen am"),
    "event": _("Veranstaltung"),
    "starts_at": _("Beginn"),
    "status": _("Status"),
    "organisation_name": _("Organisation (Angabe)"),
    "country": _("Land"),
    "language": _("Sprache"),
    "registered_at": _("Angemeldet am"),
    "checked_in_at": _("Eingecheckt am"),
    "feedback": _("Rückmeldung"),
    "rating": _("Bewertung"),
    "comment": _("Kommentar"),
    "submitted_at": _("Abgegeben am"),
    "mails": _("Mails"),
    "kind": _("Art"),
    "occasion": _("Anlass"),
    "sent_at": _("Versendet am"),
    "skipped": _("Entfallen"),
    "failed_at": _("Fehlgeschlagen am"),
    "matchmaking": _("Matchmaking"),
    "offers": _("Bietet"),
    "seeks": _("Sucht"),
    "max_meetings": _("Höchstens Treffen"),
    "available_slots": _("Verfügbare Zeitfenster"),
    "welcome_sent_at": _("Zugangslink versendet am"),
    "agenda_sent_at": _("Agenda versendet am"),
    "requests_sent": _("Gesendete Anfragen"),
    "requests_received": _("Erhaltene Anfragen"),
    "partner_organisation": _("Organisation der anderen Seite"),
    "message": _("Nachricht"),
    "answered_at": _("Beantwortet am"),
    "meetings": _("Treffen"),
    "slot": _("Zeitfenster"),
    "table": _("Tisch"),
    "announced": _("Veröffentlicht"),
    "no_show": _("Nicht erschienen"),
    "invited_at": _("Eingeladen am"),
    "cluster": _("Cluster"),
    "date": _("Datum"),
    "subject": _("Betreff"),
    "notes": _("Notizen"),
    "follow_ups": _("Wiedervorlagen"),
    "due_on": _("Fällig am"),
    "description": _("Aufgabe"),
    "done_at": _("Erledigt am"),
    "partner": _("Partner"),
    "introduced_on": _("Vorgestellt am"),
    "at": _("Zeitpunkt"),
    "action": _("Aktion"),
    "object_type": _("Art des Objekts"),
    "object": _("Objekt"),
    "changes": _("Änderungen"),
    "list_name": _("Liste"),
}


@dataclass
class Section:
    title: str
    items: list[list[tuple[str, str]]] = field(default_factory=list)


def _label(key: str) -> str:
    return str(LABELS.get(key, key))


def _text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ja")) if value else str(_("nein"))
    return str(value)


def _rows(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """A nested value as (label, text) rows; nested labels read "Mails 1 › Art"."""
    if isinstance(value, dict):
        rows: list[tuple[str, str]] = []
        for key, inner in value.items():
            rows += _rows(inner, f"{prefix} › {_label(key)}" if prefix else _label(key))
        return rows
    if isinstance(value, list) and value and isinstance(value[0], dict | list):
        rows = []
        for index, inner in enumerate(value, start=1):
            rows += _rows(inner, f"{prefix} {index}")
        return rows
    if isinstance(value, list):
        return [(prefix, ", ".join(_text(item) for item in value) or "–")]
    return [(prefix, _text(value))]


def sections(data: dict[str, Any]) -> list[Section]:
    result = []
    for key, value in data.items():
        if key in {"exported_at", "email"}:
            continue
        section = Section(_label(key))
        if isinstance(value, list):
            section.items = [_rows(item) for item in value]
        elif isinstance(value, dict):
            section.items = [_rows(value)]
        result.append(section)
    return result


def export_pdf(data: dict[str, Any], title: str) -> bytes:
    html = render_to_string(
        "privacy/export_pdf.html",
        {"title": title, "sections": sections(data), "printed_at": timezone.now()},
    )
    document: bytes = HTML(string=html).write_pdf()
    return document
