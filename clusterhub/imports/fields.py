"""What can be imported: the fields of each kind of row, and which header names mean them.

The mapping from the file's columns to these fields is guessed from the header (German and
English names, as Excel users write them) and can be changed by the user before the import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisationen")
    PEOPLE = "people", _("Personen")
    MEMBERSHIPS = "memberships", _("Mitgliedschaften")


@dataclass(frozen=True)
class Field:
    name: str
    label: Promise
    required: bool = False
    # Header names that mean this field, compared after ``header_key``.
    headers: tuple[str, ...] = ()


ORGANISATION_FIELDS = (
    Field(
        "key",
        _("Kennung (Registernummer, ID)"),
        headers=(
            "kennung",
            "id",
            "entity id",
            "registernummer",
            "register number",
            "nummer",
            "externe id",
        ),
    ),
    Field(
        "name",
        _("Name"),
        True,
        (
            "name",
            "organisation",
            "organization",
            "firma",
            "unternehmen",
            "company",
            "firmenname",
            "einrichtung",
        ),
    ),
    Field("legal_form", _("Rechtsform"), headers=("rechtsform", "legal form", "gesellschaftsform")),
    Field(
        "kind", _("Art"), headers=("art", "typ", "kind", "type", "organisationsart", "kategorie")
    ),
    Field(
        "street",
        _("Straße und Hausnummer"),
        headers=("strasse", "straße", "street", "adresse", "address", "anschrift"),
    ),
    Field(
        "postcode",
        _("PLZ"),
        headers=("plz", "postleitzahl", "postcode", "zip", "postal code", "zip code"),
    ),
    Field("city", _("Ort"), headers=("ort", "stadt", "city", "sitz", "town", "gemeinde")),
    Field("country", _("Land"), headers=("land", "country", "staat")),
    Field(
        "website",
        _("Website"),
        headers=("website", "webseite", "internet", "homepage", "url", "web"),
    ),
    Field(
        "founding_year",
        _("Gründungsjahr"),
        headers=("gründungsjahr", "gegründet", "founded", "founding year", "gruendungsjahr"),
    ),
    Field(
        "size_band",
        _("Größe"),
        headers=("größe", "groesse", "size", "mitarbeitende", "beschäftigte", "employees"),
    ),
    Field(
        "description_de",
        _("Beschreibung"),
        headers=("beschreibung", "description", "profil", "über uns"),
    ),
)

PERSON_FIELDS = (
    Field("first_name", _("Vorname"), True, ("vorname", "first name", "firstname", "given name")),
    Field(
        "last_name",
        _("Nachname"),
        True,
        ("nachname", "name", "last name", "lastname", "surname", "familienname"),
    ),
    Field(
        "email", _("E-Mail"), headers=("e mail", "email", "mail", "e mail adresse", "email address")
    ),
    Field(
        "phone",
        _("Telefon"),
        headers=("telefon", "phone", "tel", "telefonnummer", "mobil", "mobile"),
    ),
    Field(
        "organisation",
        _("Organisation"),
        headers=(
            "organisation",
            "organization",
            "firma",
            "unternehmen",
            "company",
            "arbeitgeber",
            "einrichtung",
        ),
    ),
    Field(
        "function",
        _("Funktion"),
        headers=("funktion", "position", "function", "role", "rolle", "job title", "titel"),
    ),
    Field("preferred_language", _("Sprache"), headers=("sprache", "language")),
)

MEMBERSHIP_FIELDS = (
    Field(
        "organisation",
        _("Organisation"),
        True,
        (
            "organisation",
            "organization",
            "firma",
            "unternehmen",
            "company",
            "mitglied",
            "member",
            "name",
        ),
    ),
    Field("cluster", _("Cluster"), headers=("cluster", "netzwerk", "network")),
    Field("role", _("Rolle"), headers=("rolle", "role", "mitgliedsart", "art")),
    Field(
        "started_on",
        _("Seit"),
        headers=(
            "seit",
            "beginn",
            "eintritt",
            "start",
            "since",
            "started",
            "mitglied seit",
            "member since",
        ),
    ),
    Field("ended_on", _("Bis"), headers=("bis", "ende", "austritt", "end", "until", "ended")),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    Kind.ORGANISATIONS: ORGANISATION_FIELDS,
    Kind.PEOPLE: PERSON_FIELDS,
    Kind.MEMBERSHIPS: MEMBERSHIP_FIELDS,
}


def header_key(text: str) -> str:
    """A header reduced for comparison: lower case, no accents' variants, no punctuation."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ß", "ss")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def guess_mapping(kind: str, header: list[str]) -> dict[str, int]:
    """Field name → column index, for the columns whose header names a field; each column and
    each field is used once, the first fitting column wins."""
    mapping: dict[str, int] = {}
    keys = [header_key(cell) for cell in header]
    for field in FIELDS[kind]:
        wanted = {header_key(name) for name in field.headers} | {header_key(str(field.label))}
        for index, key in enumerate(keys):
            if key in wanted and index not in mapping.values():
                mapping[field.name] = index
                break
    return mapping


def header_signature(header: list[str]) -> str:
    """The same header, however spelt in case and spacing: the key of a remembered preset."""
    return "|".join(header_key(cell) for cell in header)[:500]
