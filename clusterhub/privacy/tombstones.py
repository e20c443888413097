"""Is this e-mail address one of an erased person? Every service that creates a person from
outside data (the registration review, imports) asks ``is_erased_email`` first.

The hash is an HMAC-SHA256 keyed with ``CLUSTERHUB_TOMBSTONE_SALT``: a plain hash of an
address could be reversed by hashing a list of addresses; without the key it cannot. Changing
the key forgets every tombstone, so it is set once per installation."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from clusterhub.privacy.models import ErasedEmail


def normalised_email(email: str) -> str:
    """Lower-case and trimmed: ``Anna@Example.org `` and ``anna@example.org`` are one address."""
    return email.strip().lower()


def email_hash(email: str) -> str:
    key = str(settings.CLUSTERHUB_TOMBSTONE_SALT).encode()
    return hmac.new(key, normalised_email(email).encode(), hashlib.sha256).hexdigest()


def is_erased_email(email: str) -> bool:
    if not normalised_email(email):
        return False
    return ErasedEmail.objects.filter(email_hash=email_hash(email)).exists()


def bury(email: str) -> None:
    """Leave a tombstone for ``email`` (nothing for an empty address; once per address)."""
    if normalised_email(email):
        ErasedEmail.objects.get_or_create(email_hash=email_hash(email))
