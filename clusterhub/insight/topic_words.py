"""The reasons of a topic proposal in words."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from clusterlogic.insight.topics import CALLS, NEEDS, NOTES, REGISTRATIONS


def reason_text(reason: dict[str, Any]) -> str:
    values = {"value": reason["value"], "of": reason["of"]}
    if reason["kind"] == "spread":
        return _("Mitglieder in %(value)s von %(of)s Clustern arbeiten am Thema") % values
    wording = {
        REGISTRATIONS: _("Anmeldungen zu Veranstaltungen zum Thema: %(value)s (davor %(of)s)"),
        NOTES: _("Kontaktnotizen, die das Thema nennen: %(value)s (davor %(of)s)"),
        NEEDS: _("Gesuche in Profilen, die das Thema nennen: %(value)s"),
        CALLS: _("Förderaufrufe zum Thema: %(value)s (davor %(of)s)"),
    }
    return wording[reason["kind"]] % values
