"""Writing exports: at once for small lists, in the worker for large ones; each audited."""

from __future__ import annotations

import secrets
import uuid

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import QueryDict

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.core.background import enqueue_on_commit
from clusterhub.exports.models import ExportJob, FeedToken


@transaction.atomic
def record_export_now(
    user: User, list_name: str, title: str, file_format: str, params: QueryDict, count: int
) -> ExportJob:
    """A file the user downloads at once (``exports.files.render`` wrote it): its job row and
    its audit entry."""
    job = ExportJob.objects.create(
        user=user, list_name=list_name, file_format=file_format, params=params.dict(),
        status=ExportJob.Status.DONE, row_count=count,
    )  # fmt: skip
    audit.record_export(user, job, list_name=f"{title} ({file_format.upper()})", rows=count)
    return job


@transaction.atomic
def queue_export(user: User, list_name: str, file_format: str, params: QueryDict) -> ExportJob:
    job = ExportJob.objects.create(
        user=user, list_name=list_name, file_format=file_format, params=params.dict()
    )
    enqueue_on_commit("clusterhub.exports.tasks.write_export", job.pk)
    return job


def store_export(job: ExportJob, title: str, content: bytes, count: int) -> ExportJob:
    """The worker's part: keep the written file in the default storage, audit it."""
    job.stored_file = default_storage.save(
        f"exports/{uuid.uuid4().hex}/{job}", ContentFile(content)
    )
    job.row_count = count
    job.status = ExportJob.Status.DONE
    job.save(update_fields=["stored_file", "row_count", "status"])
    audit.record_export(
        job.user,
        job,
        list_name=f"{title} ({job.file_format.upper()})",
        rows=count,
    )
    return job


def renew_feed_token(user: User) -> FeedToken:
    """A new secret address; the old one stops working at once."""
    token, _created = FeedToken.objects.update_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    audit.record(user, AuditEntry.Action.UPDATE, token, {"token": ["…", "…"]})
    return token


def revoke_feed_token(user: User) -> None:
    FeedToken.objects.filter(user=user).delete()
