"""Comparing a registrant's organisation name with the registry's, and recording a prospect."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from rapidfuzz import utils

from clusterhub.directory.models import Organisation
from clusterhub.directory.services import build_search_text

# Names are compared whole after dropping legal forms and connectors: "Peperl und Fuchs" meets
# "Pepperl+Fuchs SE" at about 96. A partial ratio (WRatio) would also pair "Mannheim GmbH"
# with "MVV Mannheim GmbH", so a registrant's firm would be offered as someone else's.
NOISE_WORDS = frozenset(
    {"und", "and", "the", "der", "die", "das", "co", "e", "v", "ev", "eg", "ag", "se", "kg"}
    | {"gmbh", "mbh", "ug", "haftungsbeschränkt", "gbr", "ohg", "kgaa", "ltd", "inc"}
)


def comparable_name(name: str) -> str:
    """Lower-case words of ``name`` without legal forms and connectors."""
    words = utils.default_process(name).split()
    kept = [word for word in words if word not in NOISE_WORDS]
    return " ".join(kept or words)


def create_prospect(name: str, *, country: str, source: str) -> Organisation:
    """A new organisation with status prospect from a registrant's typed name; only staff
    call this, from "Anmeldungen prüfen" (events/review.py)."""
    organisation = Organisation(
        name=name.strip()[:255],
        # The form asks for no kind (least data); staff correct it when they qualify the lead.
        kind=Organisation.Kind.SME,
        status=Organisation.Status.PROSPECT,
        country=(country or "DE").upper()[:2],
        # Stored text is German whatever language the registrant used the site in.
        description_de=gettext_noop("Angelegt aus der Anmeldung zu %(event)s.") % {"event": source},
    )
    organisation.search_text = build_search_text(organisation)
    organisation.save()
    return organisation
