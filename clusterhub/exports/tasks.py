"""Large exports are written by the worker; the page polls for the download link."""

from __future__ import annotations

from django_tasks import task

from clusterhub.exports import files, services
from clusterhub.exports.models import ExportJob


@task()
def write_export(job_id: int) -> bool:
    job = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).first()
    if job is None:
        return False  # gone or already written: a repeated delivery does nothing
    content, count = files.render_job(job)
    services.store_export(job, files.title_of(job.list_name), content, count)
    return True
