"""Large imports run in the worker; the page polls the run's progress."""

from __future__ import annotations

from django_tasks import task

from clusterhub.imports import services
from clusterhub.imports.models import ImportRun


@task()
def run_import(run_id: int) -> bool:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.status not in {ImportRun.Status.QUEUED, ImportRun.Status.UPLOADED}:
        return False  # gone, or already run: a repeated delivery does nothing

    def report(progress: ImportRun) -> None:
        ImportRun.objects.filter(pk=progress.pk).update(processed_rows=progress.processed_rows)

    services.execute_run(run, progress=report)
    return True
