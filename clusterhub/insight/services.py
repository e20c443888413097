"""Writes of the insight app: asking for a refresh, asking for a report, making it, and
noting its download. Each write that changes data is audited."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, actor_id, record, record_export
from clusterhub.clusters.models import Cluster
from clusterhub.core.background import enqueue_on_commit
from clusterhub.insight.models import Report
from clusterhub.insight.reports import make_report


def ask_for_refresh() -> None:
    """Figures are recomputed, nothing is changed: no audit entry."""
    enqueue_on_commit("clusterhub.insight.tasks.refresh_aggregates")


@transaction.atomic
def request_report(
    actor: Actor, *, cluster: Cluster | None, year: int, file_format: str, language: str
) -> Report:
    report = Report.objects.create(
        cluster=cluster,
        year=year,
        file_format=file_format,
        language=language,
        requested_by_id=actor_id(actor),
    )
    record(
        actor,
        AuditEntry.Action.CREATE,
        report,
        {"year": year, "file_format": file_format, "cluster": str(cluster or "")},
    )
    enqueue_on_commit("clusterhub.insight.tasks.make_report", report.pk)
    return report


def produce_report(report: Report) -> Report:
    """Makes the report's file, saving the progress as it goes (the status page polls it).
    Idempotent: a report that is done is left as it is."""
    if report.status == Report.Status.DONE:
        return report

    def progress(percent: int) -> None:
        Report.objects.filter(pk=report.pk).update(progress=percent)

    Report.objects.filter(pk=report.pk).update(status=Report.Status.RUNNING, progress=5)
    try:
        content = make_report(report, progress)
    except Exception as error:
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.DONE, progress=100, content=content, finished_at=timezone.now()
    )
    report.refresh_from_db()
    return report


def note_report_download(actor: Actor, report: Report) -> None:
    """The report names organisations (bridges, topic proposals): a download is an export."""
    record_export(actor, report, list_name=f"insight report {report.file_format}", rows=1)
