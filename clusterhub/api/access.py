"""The only doors to API tokens: by the secret a client sends, and by id for their owner."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from clusterhub.api.models import ApiToken

User = AbstractBaseUser | AnonymousUser


def hash_secret(secret: str) -> str:
    """SHA-256 of the secret: the secrets are long random strings, so no slow hash is needed
    (there is nothing to brute-force that would be cheaper than guessing the secret itself)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token whose secret this is, with its user; None for any other string."""
    if not secret:
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_secret(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def tokens_of(user: User) -> QuerySet[ApiToken]:
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user_id=user.pk)


def get_token_for_user(user: User, pk: int) -> ApiToken:
    """One of the user's own tokens; 404 for anyone else's (whose existence is not told)."""
    token = tokens_of(user).filter(pk=pk).first()
    if token is None:
        raise Http404
    return token
