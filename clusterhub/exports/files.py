"""Writing an export's file: the list read with the user's rights as they are now, in the
format asked for. A read, so it lives beside the services, not in them (services never
import forms, and the lists parse their pages' filter forms)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.http import QueryDict

from clusterhub.accounts.roles import viewer_for
from clusterhub.core import spreadsheets
from clusterhub.events.ics import calendar_document
from clusterhub.exports import cards
from clusterhub.exports.lists import LISTS, iter_rows
from clusterhub.exports.models import ExportJob

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


def title_of(list_name: str) -> str:
    return str(LISTS[list_name].title)


def is_large(count: int) -> bool:
    return count > settings.CLUSTERHUB_EXPORT_BACKGROUND_ROWS


def render_job(job: ExportJob) -> tuple[bytes, int]:
    params = QueryDict(mutable=True)
    params.update(job.params)
    return render(job.user, job.list_name, job.file_format, params)
