"""Background work of the insight app: thin, load by id, call a service."""

from __future__ import annotations

from django_tasks import task

from clusterhub.insight import services, snapshots
from clusterhub.insight.models import Report


@task()
def refresh_aggregates() -> int:
    return snapshots.refresh_aggregates()


@task()
def make_report(report_pk: int) -> str | None:
    report = Report.objects.filter(pk=report_pk).first()
    if report is None:
        return None
    return services.produce_report(report).status
