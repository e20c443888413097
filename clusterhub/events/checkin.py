"""Check-in at the door: a signed URL per registration, its QR code, and reading it back.

The URL carries the registration's id signed with the site's secret key, so a code cannot be
forged or guessed from another; it opens a staff-only page, so the code alone admits no one.
"""

from __future__ import annotations

import datetime as dt
import io

import segno
from django.core import signing
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from clusterhub.events import conf
from clusterhub.events.models import Event, Registration

SALT = "clusterhub.events.checkin"
# The door opens a while before the start: people arrive early and staff set up the list.
DOOR_OPENS_BEFORE = dt.timedelta(hours=3)


def checkin_signature(registration: Registration) -> str:
    # A plain signer, not ``signing.dumps``: that one stamps the time, so the same registration
    # would get a different code in every mail; the code at the door should be one per person.
    # The token's start is signed too: a new token (an erasure) makes the old code useless.
    return signing.Signer(salt=SALT).sign_object(
        [registration.pk, registration.token[:12]], compress=True
    )


def checkin_url(registration: Registration) -> str:
    return conf.site_url() + reverse("events:checkin", args=[checkin_signature(registration)])


def registration_id_from(signature: str) -> int | None:
    """The registration id a check-in code names, or None when the signature does not hold."""
    try:
        value = signing.Signer(salt=SALT).unsign_object(signature)
    except signing.BadSignature:
        return None
    if isinstance(value, list) and value and isinstance(value[0], int):
        return value[0]
    return None


def code_matches(signature: str, registration: Registration) -> bool:
    """Whether ``signature`` is the registration's current code (not one before an erasure)."""
    return signature == checkin_signature(registration)


def qr_png(url: str) -> bytes:
    """The URL as a PNG QR code, large enough for a phone's camera at arm's length."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=4)
    return buffer.getvalue()


def door_opens_at(event: Event) -> dt.datetime:
    return event.starts_at - DOOR_OPENS_BEFORE


def door_closed_reason(event: Event, now: dt.datetime) -> str:
    """Why no one can be checked in to ``event`` at ``now``; empty while the door is open.

    A check-in weeks before (or after) the event is a scan of an old mail or a slip, not an
    arrival: marking it would also expire the person's cancel link ("event has begun").
    """
    opens, closes = door_opens_at(event), event.ends_at
    if opens <= now <= closes:
        return ""
    return _(
        "Einchecken ist nur während der Veranstaltung möglich: vom %(opens)s bis %(closes)s. "
        "Es wurde nichts vermerkt."
    ) % {"opens": _local(opens), "closes": _local(closes)}


def _local(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
