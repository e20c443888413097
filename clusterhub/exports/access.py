"""Doors to export jobs (only their own user downloads them) and to a follow-up feed token."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404

from clusterhub.exports.models import ExportJob, FeedToken

User = AbstractBaseUser | AnonymousUser


def get_export_job_for_user(user: User, pk: int) -> ExportJob:
    job = (
        ExportJob.objects.filter(pk=pk, user_id=user.pk).first() if user.is_authenticated else None
    )
    if job is None:
        raise Http404
    return job


def feed_owner_for_token(token: str) -> AbstractBaseUser:
    """The user whose follow-up feed ``token`` opens; 404 for a revoked or unknown token."""
    found = FeedToken.objects.filter(token=token).select_related("user").first() if token else None
    if found is None or not found.user.is_active:
        raise Http404
    return found.user


def feed_token_of(user: User) -> FeedToken | None:
    return FeedToken.objects.filter(user_id=user.pk).first() if user.is_authenticated else None
