"""Material streams: recording offers and needs, and which offer serves which need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.services import UserActor
from clusterhub.directory.access import can_edit_organisation
from clusterhub.directory.models import Organisation
from clusterhub.support import ewc, places
from clusterhub.support.models import MaterialStream
from clusterlogic.symbiosis import CodeFit, Match, Stream, match_streams

STREAM_FIELDS = [
    "kind",
    "material",
    "ewc_code",
    "hazardous",
    "tonnes_per_year",
    "quality",
    "city",
    "available_from",
    "accepts",
    "accepts_hazardous",
]


@dataclass(frozen=True)
class StreamData:
    kind: str
    material: str
    ewc_code: str
    tonnes_per_year: Decimal
    city: str
    quality: str = ""
    available_from: dt.date | None = None
    accepts: str = MaterialStream.Accepts.EXACT
    accepts_hazardous: bool = False


def record_stream(actor: UserActor, organisation: Organisation, data: StreamData) -> MaterialStream:
    """Store an offered or sought stream of ``organisation``. The code must be one of the
    AVV (its hazardousness comes from there); the quantity positive; the place is looked
    up offline. Refused with the reason (ValidationError), nothing stored."""
    if not can_edit_organisation(viewer_for(actor), organisation):
        raise PermissionDenied
    code = ewc.lookup(data.ewc_code)
    if data.tonnes_per_year is None or data.tonnes_per_year <= 0:
        raise ValidationError(_("Die Menge muss größer als null sein."), code="quantity")
    place = places.coordinates(data.city)
    stream = MaterialStream(
        organisation=organisation,
        kind=data.kind,
        material=data.material,
        ewc_code=code.code,
        hazardous=code.hazardous,
        tonnes_per_year=data.tonnes_per_year,
        quality=data.quality,
        city=data.city,
        latitude=place[0] if place else None,
        longitude=place[1] if place else None,
        available_from=data.available_from,
        accepts=data.accepts,
        accepts_hazardous=data.accepts_hazardous,
    )
    with transaction.atomic():
        audit.audited_save(actor, stream, STREAM_FIELDS)
    return stream


def withdraw_stream(actor: UserActor, stream: MaterialStream) -> MaterialStream:
    if not can_edit_organisation(viewer_for(actor), stream.organisation):
        raise PermissionDenied
    with transaction.atomic():
        stream.active = False
        audit.audited_save(actor, stream, ["active"])
    return stream


def _plain(stream: MaterialStream) -> Stream:
    return Stream(
        id=stream.pk,
        organisation_id=stream.organisation_id,
        code=stream.ewc_code,
        tonnes_per_year=float(stream.tonnes_per_year),
        latitude=stream.latitude,
        longitude=stream.longitude,
        hazardous=stream.hazardous,
        available_from=stream.available_from,
        accepts=CodeFit(stream.accepts),
        accepts_hazardous=stream.accepts_hazardous,
    )


@dataclass(frozen=True)
class StreamMatch:
    offer: MaterialStream
    need: MaterialStream
    match: Match

    @property
    def reasons(self) -> list[str]:
        """The match in words: the code fit, the distance, the covered share, and when."""
        words = {
            CodeFit.EXACT: _("gleicher Abfallschlüssel %(code)s"),
            CodeFit.GROUP: _("verwandter Schlüssel derselben Gruppe (%(code)s)"),
            CodeFit.CHAPTER: _("Schlüssel desselben Kapitels (%(code)s)"),
        }
        code = ewc.codes()[self.offer.ewc_code].spaced
        said = [words[self.match.code_fit] % {"code": code}]
        if self.match.distance_km is not None:
            said.append(_("%(km)s km entfernt") % {"km": f"{self.match.distance_km:.0f}"})
        else:
            said.append(_("Entfernung unbekannt"))
        share = round(self.match.coverage * 100)
        said.append(_("deckt %(share)s %% des Bedarfs") % {"share": share})
        if ("from", self.offer.available_from) in self.match.reasons:
            said.append(_("erst ab %(date)s") % {"date": self.offer.available_from})
        return said


def stream_matches(streams: QuerySet[MaterialStream]) -> list[StreamMatch]:
    """Every active need of ``streams`` with the active offers that serve it, best first."""
    active = list(streams.filter(active=True).select_related("organisation"))
    by_id = {stream.pk: stream for stream in active}
    offers = [_plain(s) for s in active if s.kind == MaterialStream.Kind.OFFER]
    needs = [_plain(s) for s in active if s.kind == MaterialStream.Kind.NEED]
    found = match_streams(offers, needs, today=timezone.localdate())
    return [StreamMatch(by_id[m.offer_id], by_id[m.need_id], m) for m in found]


def map_data(streams: QuerySet[MaterialStream], matches: list[StreamMatch]) -> dict[str, object]:
    """What the map draws: the placed streams and a line for each match (the tables beside it
    say the same for everyone who does not see the map)."""
    points = [
        {
            "lat": stream.latitude,
            "lon": stream.longitude,
            "kind": stream.kind,
            "label": f"{stream.get_kind_display()}: {stream.organisation.name} – {stream.material}",
        }
        for stream in streams.select_related("organisation")
        if stream.latitude is not None and stream.longitude is not None
    ]
    lines = [
        [[found.offer.latitude, found.offer.longitude], [found.need.latitude, found.need.longitude]]
        for found in matches
        if found.offer.latitude is not None and found.need.latitude is not None
    ]
    return {
        "tiles": settings.CLUSTERHUB_MAP_TILE_URL,
        "attribution": settings.CLUSTERHUB_MAP_ATTRIBUTION,
        "points": points,
        "lines": lines,
    }
