"""Writing exports: at once for small lists, in the worker for large ones; each audited."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import QueryDict

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.core import spreadsheets
from clusterhub.core.background import enqueue_on_commit
from clusterhub.events.ics import calendar_document
from clusterhub.exports import cards
from clusterhub.exports.lists import LISTS, iter_rows
from clusterhub.exports.models import ExportJob, FeedToken

CONTENT_TYPES = {
    "csv": spreadsheets.CSV_TYPE,
    "xlsx": spreadsheets.XLSX_TYPE,
    "vcf": "text/vcard; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}
# Which lists have which formats beyond CSV and XLSX.
EXTRA_FORMATS = {"personen": {"vcf"}, "wiedervorlagen": {"ics"}, "veranstaltungen": {"ics"}}


def formats_of(list_name: str) -> set[str]:
    return {"csv", "xlsx"} | EXTRA_FORMATS.get(list_name, set())


def render(user: User, list_name: str, file_format: str, params: QueryDict) -> tuple[bytes, int]:
    """The file and its number of rows, read with ``user``'s rights as they are now."""
    spec = LISTS[list_name]
    qs = spec.rows(viewer_for(user), params)
    count = qs.count()
    if file_format == "csv":
        return spreadsheets.csv_bytes(spec.header(), iter_rows(spec, qs)), count
    if file_format == "xlsx":
        return spreadsheets.xlsx_bytes(str(spec.title), spec.header(), iter_rows(spec, qs)), count
    if file_format == "vcf":
        return cards.vcards(qs.iterator(chunk_size=2000)), count
    if list_name == "veranstaltungen":
        return calendar_document(qs, str(spec.title)), count
    return cards.follow_up_calendar(qs, str(spec.title)), count


def count_rows(user: User, list_name: str, params: QueryDict) -> int:
    return LISTS[list_name].rows(viewer_for(user), params).count()


@transaction.atomic
def export_now(
    user: User, list_name: str, file_format: str, params: QueryDict
) -> tuple[bytes, ExportJob]:
    content, count = render(user, list_name, file_format, params)
    job = ExportJob.objects.create(
        user=user, list_name=list_name, file_format=file_format, params=params.dict(),
        status=ExportJob.Status.DONE, row_count=count,
    )  # fmt: skip
    audit.record_export(
        user, job, list_name=f"{LISTS[list_name].title} ({file_format.upper()})", rows=count
    )
    return content, job


@transaction.atomic
def queue_export(user: User, list_name: str, file_format: str, params: QueryDict) -> ExportJob:
    job = ExportJob.objects.create(
        user=user, list_name=list_name, file_format=file_format, params=params.dict()
    )
    enqueue_on_commit("clusterhub.exports.tasks.write_export", job.pk)
    return job


def write_export(job: ExportJob) -> ExportJob:
    """The worker's part: write the file into the default storage, audit it."""
    params = QueryDict(mutable=True)
    params.update(job.params)
    content, count = render(job.user, job.list_name, job.file_format, params)
    job.stored_file = default_storage.save(
        f"exports/{uuid.uuid4().hex}/{job}", ContentFile(content)
    )
    job.row_count = count
    job.status = ExportJob.Status.DONE
    job.save(update_fields=["stored_file", "row_count", "status"])
    audit.record_export(
        job.user,
        job,
        list_name=f"{LISTS[job.list_name].title} ({job.file_format.upper()})",
        rows=count,
    )
    return job


def is_large(count: int) -> bool:
    return count > settings.CLUSTERHUB_EXPORT_BACKGROUND_ROWS


def renew_feed_token(user: User) -> FeedToken:
    """A new secret address; the old one stops working at once."""
    token, _created = FeedToken.objects.update_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    audit.record(user, AuditEntry.Action.UPDATE, token, {"token": ["…", "…"]})
    return token


def revoke_feed_token(user: User) -> None:
    FeedToken.objects.filter(user=user).delete()
