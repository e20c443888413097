"""Background work through django-tasks: thin, load by id, call a service, safe to repeat.

The periodic work (offers that expire, reminders, feedback requests, retries) runs from the
``run_event_jobs`` command (cron or a loop beside the worker), not from tasks.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from clusterhub.events import outbox


@task()
def deliver_mail(mail_id: int) -> bool:
    """Send one outbox mail, of any app. A failed try is counted and the task fails (visible
    to staff in the task list); where the backend can defer and tries are left, a retry is
    enqueued with back-off; ``run_event_jobs`` picks up the rest."""
    try:
        return outbox.deliver(mail_id)
    except outbox.MailDeliveryFailed:
        attempts = outbox.may_retry(mail_id)
        backend = deliver_mail.get_backend()
        if attempts is not None and backend.supports_defer:
            deliver_mail.using(run_after=timezone.now() + outbox.retry_delay(attempts)).enqueue(
                mail_id
            )
        raise
