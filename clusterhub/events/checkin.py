"""Check-in at the door: a signed URL per registration, its QR code, and reading it back.

The URL carries the registration's id signed with the site's secret key, so a code cannot be
forged or guessed from another; it opens a staff-only page, so the code alone admits no one.
"""

from __future__ import annotations

import io

import segno
from django.core import signing
from django.urls import reverse

from clusterhub.events import conf
from clusterhub.events.models import Registration

SALT = "clusterhub.events.checkin"


def checkin_signature(registration: Registration) -> str:
    # A plain signer, not ``signing.dumps``: that one stamps the time, so the same registration
    # would get a different code in every mail; the code at the door should be one per person.
    return signing.Signer(salt=SALT).sign_object(registration.pk, compress=True)


def checkin_url(registration: Registration) -> str:
    return conf.site_url() + reverse("events:checkin", args=[checkin_signature(registration)])


def registration_id_from(signature: str) -> int | None:
    """The registration id a check-in code names, or None when the signature does not hold."""
    try:
        value = signing.Signer(salt=SALT).unsign_object(signature)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def qr_png(url: str) -> bytes:
    """The URL as a PNG QR code, large enough for a phone's camera at arm's length."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=4)
    return buffer.getvalue()
