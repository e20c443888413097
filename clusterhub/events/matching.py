"""Matching a registrant's organisation to the registry, or recording a new prospect."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from rapidfuzz import fuzz, utils

from clusterhub.directory import search
from clusterhub.directory.models import Organisation
from clusterhub.directory.services import build_search_text

# Whole-name similarity after dropping legal forms and connectors: "Peperl und Fuchs" meets
# "Pepperl+Fuchs SE" at about 96. A partial ratio (WRatio) would also pair "Mannheim GmbH"
# with "MVV Mannheim GmbH", so a registrant's firm would be booked to someone else's.
MATCH_THRESHOLD = 88.0
CANDIDATES = 50
NOISE_WORDS = frozenset(
    {"und", "and", "the", "der", "die", "das", "co", "e", "v", "ev", "eg", "ag", "se", "kg"}
    | {"gmbh", "mbh", "ug", "haftungsbeschränkt", "gbr", "ohg", "kgaa", "ltd", "inc"}
)


def comparable_name(name: str) -> str:
    """Lower-case words of ``name`` without legal forms and connectors."""
    words = utils.default_process(name).split()
    kept = [word for word in words if word not in NOISE_WORDS]
    return " ".join(kept or words)


def find_organisation(name: str) -> Organisation | None:
    """The registry's organisation whose name best matches ``name``, if it matches well."""
    typed = name.strip()
    if not typed:
        return None
    exact = Organisation.objects.filter(name__iexact=typed).order_by("pk").first()
    if exact is not None:
        return exact
    ids = search.candidate_ids(typed, limit=CANDIDATES)
    if not ids:
        return None
    typed_name = comparable_name(typed)
    best: tuple[float, int] | None = None
    for pk, candidate in Organisation.objects.filter(pk__in=ids).values_list("pk", "name"):
        score = fuzz.ratio(typed_name, comparable_name(candidate))
        if score >= MATCH_THRESHOLD and (best is None or score > best[0]):
            best = (score, pk)
    return Organisation.objects.get(pk=best[1]) if best else None


def find_or_create_organisation(name: str, *, country: str, source: str) -> Organisation:
    """The matching organisation, or a new one with status prospect."""
    found = find_organisation(name)
    if found is not None:
        return found
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
