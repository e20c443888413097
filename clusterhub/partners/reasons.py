"""The engine's reason parts, worded for people (German source strings, translated as usual)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusterlogic.matching import ReasonPart


@dataclass(frozen=True)
class ReasonWords:
    """What the wording needs beyond the reason parts: names for ids, slugs and kinds."""

    organisation_names: Mapping[str, str]
    theme_labels: Mapping[str, str]
    # The Django kind labels of the asker and the candidate ("Start-up", "Hochschule").
    asker_kind: str
    candidate_kind: str
    # Project labels (acronym or title) by the engine's project id (``worked_with``).
    project_labels: Mapping[str, str] = field(default_factory=dict)


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def describe(part: ReasonPart, words: ReasonWords) -> str | None:
    """One reason as a short German phrase; ``None`` for a code this app does not know."""
    values = part.values
    if part.code == "shared_themes":
        labels = tuple(words.theme_labels.get(v, v) for v in values)
        return _("Gemeinsame Themen: %(themes)s") % {"themes": _listed(labels)}
    if part.code == "text_match":
        return _("Passt zum Suchtext: %(words)s") % {"words": _listed(values)}
    if part.code == "common_partners":
        names = tuple(words.organisation_names.get(v, v) for v in values)
        return ngettext(
            "Ein gemeinsamer Partner: %(partners)s",
            "Gemeinsame Partner: %(partners)s",
            len(names),
        ) % {"partners": _listed(names)}
    if part.code == "complementary_kinds":
        return _("Ergänzt sich: %(asker)s und %(candidate)s") % {
            "asker": words.asker_kind,
            "candidate": words.candidate_kind,
        }
    if part.code == "same_city":
        return _("Gleicher Ort: %(city)s") % {"city": _listed(values)}
    if part.code == "same_country":
        return _("Gleiches Land: %(country)s") % {"country": _listed(values).upper()}
    if part.code == "embedding_match":
        return _("Ähnliches Profil")
    if part.code == "popular":
        count = int(values[0]) if values and values[0].isdigit() else 0
        return ngettext(
            "Gut vernetzt: %(count)d Kooperation",
            "Gut vernetzt: %(count)d Kooperationen",
            count,
        ) % {"count": count}
    if part.code == "worked_with":
        return _worked_with(part.values, words)
    if part.code == "projects":
        count = int(values[0]) if values and values[0].isdigit() else 0
        return ngettext(
            "An %(count)d Projekt beteiligt", "An %(count)d Projekten beteiligt", count
        ) % {"count": count}
    return None


def _worked_with(values: tuple[str, ...], words: ReasonWords) -> str | None:
    """(partner id, project id or "", "call" or "part"): someone already in a project for the
    call (or its programme part) that this organisation worked with, and where."""
    if len(values) < 3:
        return None
    partner = words.organisation_names.get(values[0], values[0])
    project = words.project_labels.get(values[1], "") if values[1] else ""
    if project:
        together = _("Arbeitete mit %(partner)s in Projekt %(project)s") % {
            "partner": partner,
            "project": project,
        }
    else:
        together = _("Arbeitete mit %(partner)s") % {"partner": partner}
    if values[2] == "call":
        why = _("%(partner)s ist an einem Projekt zu diesem Aufruf beteiligt")
    else:
        why = _("%(partner)s ist im selben Programmteil aktiv")
    return f"{together} – {why % {'partner': partner}}"


def describe_all(parts: tuple[ReasonPart, ...], words: ReasonWords) -> list[str]:
    return [text for text in (describe(part, words) for part in parts) if text]
