"""Background work through django-tasks: thin, load by id, call a service, safe to repeat."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from clusterhub.events import conf, feedback, mails, services


def enqueue_mail(mail_id: int) -> None:
    deliver_event_mail.enqueue(mail_id)


@task()
def deliver_event_mail(mail_id: int) -> bool:
    """Send one outbox mail. On failure the task fails (visible to staff in the task list)
    and, where the backend can defer, a retry is enqueued with back-off; the retry command
    (``run_event_jobs``) picks up the rest."""
    try:
        return mails.deliver(mail_id)
    except mails.MailDeliveryFailed:
        attempts = mails.EventMail.objects.values_list("attempts", flat=True).get(pk=mail_id)
        backend = deliver_event_mail.get_backend()
        if attempts < conf.mail_max_attempts() and backend.supports_defer:
            deliver_event_mail.using(
                run_after=timezone.now() + conf.mail_retry_delay(attempts)
            ).enqueue(mail_id)
        raise


@task()
def expire_offers() -> int:
    return services.expire_offers()


@task()
def queue_due_reminders() -> int:
    return services.queue_due_reminders()


@task()
def queue_feedback_requests() -> int:
    return feedback.queue_feedback_requests()


@task()
def retry_pending_mails() -> int:
    return mails.retry_pending_mails()
