"""Readable values for CORDIS codes: countries, organisation kinds, legal forms."""

from __future__ import annotations

import re

from clusterhub.directory.models import Organisation

K = Organisation.Kind

COUNTRIES = {
    "AT": ("Österreich", "Austria"),
    "BE": ("Belgien", "Belgium"),
    "BG": ("Bulgarien", "Bulgaria"),
    "CH": ("der Schweiz", "Switzerland"),
    "CY": ("Zypern", "Cyprus"),
    "CZ": ("Tschechien", "Czechia"),
    "DE": ("Deutschland", "Germany"),
    "DK": ("Dänemark", "Denmark"),
    "EE": ("Estland", "Estonia"),
    "ES": ("Spanien", "Spain"),
    "FI": ("Finnland", "Finland"),
    "FR": ("Frankreich", "France"),
    "GB": ("dem Vereinigten Königreich", "the United Kingdom"),
    "GR": ("Griechenland", "Greece"),
    "HR": ("Kroatien", "Croatia"),
    "HU": ("Ungarn", "Hungary"),
    "IE": ("Irland", "Ireland"),
    "IL": ("Israel", "Israel"),
    "IS": ("Island", "Iceland"),
    "IT": ("Italien", "Italy"),
    "LT": ("Litauen", "Lithuania"),
    "LU": ("Luxemburg", "Luxembourg"),
    "LV": ("Lettland", "Latvia"),
    "MT": ("Malta", "Malta"),
    "NL": ("den Niederlanden", "the Netherlands"),
    "NO": ("Norwegen", "Norway"),
    "PL": ("Polen", "Poland"),
    "PT": ("Portugal", "Portugal"),
    "RO": ("Rumänien", "Romania"),
    "RS": ("Serbien", "Serbia"),
    "SE": ("Schweden", "Sweden"),
    "SI": ("Slowenien", "Slovenia"),
    "SK": ("der Slowakei", "Slovakia"),
    "TR": ("der Türkei", "Turkey"),
    "UA": ("der Ukraine", "Ukraine"),
    "US": ("den USA", "the USA"),
}

ACTIVITY_KINDS = {
    "HES": K.UNIVERSITY,
    "REC": K.RESEARCH,
    "PUB": K.PUBLIC,
    "OTH": K.ASSOCIATION,
}

LEGAL_FORMS = {
    "GMBH": "GmbH",
    "GGMBH": "gGmbH",
    "AG": "AG",
    "SE": "SE",
    "KG": "KG",
    "E.V.": "e. V.",
    "EV": "e. V.",
    "SPA": "S.p.A.",
    "S.P.A.": "S.p.A.",
    "SRL": "S.r.l.",
    "S.R.L.": "S.r.l.",
    "SA": "SA",
    "S.A.": "SA",
    "SL": "SL",
    "S.L.": "SL",
    "SAS": "SAS",
    "SARL": "SARL",
    "LTD": "Ltd",
    "LIMITED": "Ltd",
    "PLC": "plc",
    "BV": "B.V.",
    "B.V.": "B.V.",
    "NV": "N.V.",
    "N.V.": "N.V.",
    "AB": "AB",
    "OY": "Oy",
    "AS": "AS",
    "A/S": "A/S",
    "APS": "ApS",
}
# Legal forms of companies that are usually large: share companies.
LARGE_COMPANY_FORMS = {"AG", "SE", "plc", "N.V.", "S.p.A."}
# A company coordinating or joining this many H2020 projects is rarely an SME.
LARGE_COMPANY_PARTICIPATIONS = 10
_LAST_WORD = re.compile(r"([\w./]+)\W*$", re.UNICODE)


def country_name_de(code: str) -> str:
    return COUNTRIES.get(code, (code, code))[0]


def country_name_en(code: str) -> str:
    return COUNTRIES.get(code, (code, code))[1]


def legal_form_of(name: str) -> str:
    """The legal form a CORDIS name ends with ("MILTENYI BIOTEC GMBH" -> "GmbH"), or ""."""
    match = _LAST_WORD.search(name.strip())
    return LEGAL_FORMS.get(match.group(1).upper(), "") if match else ""


def kind_for(activity_type: str, name: str, n_participations: int) -> str:
    """Organisation kind for a CORDIS activity type; companies split by a size heuristic."""
    if activity_type in ACTIVITY_KINDS:
        return ACTIVITY_KINDS[activity_type]
    large = (
        legal_form_of(name) in LARGE_COMPANY_FORMS
        or n_participations >= LARGE_COMPANY_PARTICIPATIONS
    )
    return K.LARGE if large else K.SME
