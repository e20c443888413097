"""One row of the file → the values that would be stored, and every error by column.

Pure functions over text: nothing is read from or written to the database here, so the
preview shows exactly what the import will store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from clusterhub.directory.models import Membership, Organisation, Person
from clusterhub.imports.fields import FIELDS, Field, Kind, header_key

MAX_LENGTHS = {
    "name": 255,
    "legal_form": 60,
    "street": 200,
    "postcode": 12,
    "city": 120,
    "first_name": 100,
    "last_name": 100,
    "phone": 40,
    "function": 120,
    "key": 200,
}
# Legal forms that tell the kind of an organisation when the file does not say it.
ASSOCIATION_FORMS = re.compile(r"\be\.?\s?v\.?$|verein|verband|kammer", re.IGNORECASE)


@dataclass
class CleanRow:
    line: int
    values: dict[str, object]
    # (column header, message) for each problem.
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_date(text: str) -> date:
    """A date as Excel users write it: 31.12.2024, 2024-12-31, 31/12/2024, 31.12.24, or the
    serial number of an Excel date cell."""
    text = text.strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{5}", text):
        return date(1899, 12, 30) + timedelta(days=int(text))
    raise ValueError(text)


def _choice(value: str, choices: list[tuple[str, Any]]) -> str | None:
    wanted = header_key(value)
    for stored, label in choices:
        if wanted in {header_key(stored), header_key(str(label))}:
            return stored
    return None


def clean_row(
    kind: str, line: int, cells: list[str], mapping: dict[str, int], header: list[str]
) -> CleanRow:
    raw: dict[str, str] = {}
    for name, index in mapping.items():
        raw[name] = cells[index].strip() if index < len(cells) else ""
    row = CleanRow(line=line, values={})

    def column(spec: Field) -> str:
        index = mapping.get(spec.name)
        return header[index] if index is not None and index < len(header) else str(spec.label)

    for spec in FIELDS[kind]:
        text = (
            " ".join(raw.get(spec.name, "").split())
            if spec.name != "description_de"
            else raw.get(spec.name, "")
        )
        if not text:
            if spec.required:
                row.errors.append((column(spec), _("Pflichtfeld ist leer.")))
            continue
        try:
            row.values[spec.name] = _clean_value(spec.name, text)
        except ValidationError as error:
            row.errors.append((column(spec), " ".join(error.messages)))
    if kind == Kind.ORGANISATIONS and "name" in row.values:
        row.values.setdefault("kind", _default_kind(row.values))
    if kind == Kind.MEMBERSHIPS:
        started, ended = row.values.get("started_on"), row.values.get("ended_on")
        if isinstance(started, date) and isinstance(ended, date) and ended < started:
            spec = next(spec for spec in FIELDS[kind] if spec.name == "ended_on")
            row.errors.append((column(spec), _("Das Ende liegt vor dem Beginn.")))
    return row


def _default_kind(values: dict[str, object]) -> str:
    legal = f"{values.get('name', '')} {values.get('legal_form', '')}".strip()
    if ASSOCIATION_FORMS.search(legal):
        return Organisation.Kind.ASSOCIATION
    return Organisation.Kind.SME


def _clean_value(name: str, text: str) -> object:
    limit = MAX_LENGTHS.get(name)
    if limit and len(text) > limit:
        raise ValidationError(
            _("Höchstens %(limit)s Zeichen (hier %(count)s).")
            % {"limit": limit, "count": len(text)}
        )
    if name == "kind":
        return _required_choice(text, Organisation.Kind.choices)
    if name == "size_band":
        return _required_choice(text, Organisation.SizeBand.choices)
    if name == "role":
        return _required_choice(text, Membership.Role.choices)
    if name == "preferred_language":
        return _required_choice(text, Person.Language.choices)
    if name == "country":
        if not re.fullmatch(r"[A-Za-z]{2}", text):
            raise ValidationError(_("Bitte den Ländercode aus zwei Buchstaben angeben (z. B. DE)."))
        return text.upper()
    if name == "founding_year":
        if not re.fullmatch(r"\d{4}", text) or not 1200 <= int(text) <= 2100:
            raise ValidationError(
                _("Kein Jahr zwischen 1200 und 2100: „%(value)s“.") % {"value": text}
            )
        return int(text)
    if name in {"started_on", "ended_on"}:
        try:
            return parse_date(text)
        except ValueError as error:
            raise ValidationError(
                _("Kein Datum: „%(value)s“ (erwartet z. B. 31.12.2024 oder 2024-12-31).")
                % {"value": text}
            ) from error
    if name == "website":
        url = text if "://" in text else f"https://{text}"
        URLValidator(schemes=["http", "https"])(url)
        return url
    if name == "email":
        EmailValidator()(text)
        return text.lower()
    return text


def _required_choice(text: str, choices: list[tuple[str, Any]]) -> str:
    found = _choice(text, choices)
    if found is None:
        allowed = ", ".join(str(label) for _stored, label in choices)
        raise ValidationError(
            _("Unbekannter Wert „%(value)s“ (erlaubt: %(allowed)s).")
            % {"value": text, "allowed": allowed}
        )
    return found


CHOICE_LABELS: dict[str, Any] = {
    "kind": Organisation.Kind,
    "size_band": Organisation.SizeBand,
    "role": Membership.Role,
    "preferred_language": Person.Language,
}


def shown(name: str, value: object) -> str:
    """A stored value as the preview shows it: choices by their label, dates the German way."""
    if value is None or value == "":
        return ""
    if name in CHOICE_LABELS:
        return str(CHOICE_LABELS[name](value).label)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)
