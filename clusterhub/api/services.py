"""Creating and revoking API tokens, audited like every other write."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from clusterhub.api.access import hash_secret
from clusterhub.api.models import ApiToken
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry

SECRET_PREFIX = "ch_"


@transaction.atomic
def create_token(user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the secret is returned once and never stored."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user_id=user.pk, name=name.strip(), prefix=secret[:8], key_hash=hash_secret(secret)
    )
    audit.record(user, AuditEntry.Action.CREATE, token, {"name": [None, token.name]})
    return token, secret


@transaction.atomic
def revoke_token(user: AbstractBaseUser, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(user, AuditEntry.Action.UPDATE, token, {"revoked_at": [None, "✓"]})
    return token


def note_use(token: ApiToken) -> None:
    """Remember when a token was last used, at most once a minute (no write per call)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
