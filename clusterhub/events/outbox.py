"""The outbox of every mail the site sends, for every app: owe → enqueue on commit → deliver
→ retry, bounded.

Owing a mail writes an ``EventMail`` row inside the transaction that gives rise to it (a
registration, an offer, published meetings) and enqueues its delivery once that transaction
commits. The worker delivers it outside any transaction and any lock: it claims the row,
renders the message (templates, .ics, QR code, PDF) and talks SMTP, then marks it sent. Every
failure — a refused SMTP server, a header Django refuses, a template error — is counted; after
``CLUSTERHUB_MAIL_MAX_ATTEMPTS`` the mail is marked failed, shown to staff and tried no more.

Each app says how its kinds of mail are written by registering a preparer in its
``AppConfig.ready``: it returns the message (or None when the mail no longer applies: an offer
already answered, a consent withdrawn) and what to record once it is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import Promise

from clusterhub.core.background import enqueue_on_commit
from clusterhub.events.models import EventMail, Invitation, Registration

DELIVER_TASK = "clusterhub.events.tasks.deliver_mail"
# How long a worker may take over one mail before another may try it (a crashed worker).
CLAIM = dt.timedelta(minutes=10)


class MailDeliveryFailed(Exception):
    """The mail could not be sent this time; the outbox row keeps the error and the count."""


@dataclass(frozen=True)
class Prepared:
    message: EmailMessage
    # Called once the mail is sent (e.g. remember which agenda was mailed).
    after_sent: Callable[[], None] | None = None


Preparer = Callable[[EventMail], Prepared | None]
_PREPARERS: dict[str, Preparer] = {}


def register_preparer(kind: str, preparer: Preparer, label: str | Promise | None = None) -> None:
    """How mails of ``kind`` are written; ``label`` names the kind for staff (the events'
    own kinds are named by ``EventMail.Kind``)."""
    _PREPARERS[kind] = preparer
    if label is not None:
        EventMail.other_kind_labels[kind] = label


def max_attempts() -> int:
    return int(settings.CLUSTERHUB_MAIL_MAX_ATTEMPTS)


def retry_delay(attempt: int) -> dt.timedelta:
    """Back-off before the next try of a failed mail: 1, 2, 4 … minutes."""
    return dt.timedelta(minutes=2 ** max(attempt - 1, 0))


def owe_mail(
    registration: Registration, kind: str, *, occasion: str = "", new: bool = False
) -> EventMail:
    """Record the mail in the outbox (once per registration, kind and occasion) and enqueue
    its delivery once the transaction commits. ``new``: the registration was just written and
    owes nothing yet, so the row is inserted without looking for one first."""
    if new:
        mail, created = EventMail.objects.create(registration=registration, kind=kind), True
    else:
        mail, created = EventMail.objects.get_or_create(
            registration=registration, kind=kind, occasion=occasion
        )
    if created:
        enqueue_on_commit(DELIVER_TASK, mail.pk)
    return mail


def owe_mail_about(subject: models.Model, kind: str, *, occasion: str = "") -> EventMail:
    """Record a mail of another app about ``subject`` (a consultation booking) in the outbox,
    once per subject, kind and occasion, and enqueue its delivery once the transaction
    commits. The kind's preparer loads the subject with ``subject_of(mail, Model)``."""
    mail, created = EventMail.objects.get_or_create(
        subject_type=subject._meta.label_lower, subject_id=subject.pk, kind=kind, occasion=occasion
    )
    if created:
        enqueue_on_commit(DELIVER_TASK, mail.pk)
    return mail


ModelT = TypeVar("ModelT", bound=models.Model)


def subject_of(mail: EventMail, model: type[ModelT]) -> ModelT | None:
    """The row a mail of another app is about, or None when it is gone."""
    if mail.subject_type != model._meta.label_lower:
        return None
    return model._default_manager.filter(pk=mail.subject_id).first()


def owe_invitation_mails(invitations: Iterable[Invitation]) -> list[EventMail]:
    mails = EventMail.objects.bulk_create(
        EventMail(invitation=invitation, kind=EventMail.Kind.INVITATION)
        for invitation in invitations
    )
    for mail in mails:
        enqueue_on_commit(DELIVER_TASK, mail.pk)
    return mails


def owe_person_mail(
    kind: str, occasion: str, *, person_id: int | None = None, user_id: int | None = None
) -> EventMail:
    """Owe another app's mail to a person of the registry or a user of the site, once per
    recipient, kind and occasion (the app's row the preparer reads, e.g. ``"forwarding:12"``)."""
    mail, created = EventMail.objects.get_or_create(
        person_id=person_id, user_id=user_id, kind=kind, occasion=occasion
    )
    if created:
        enqueue_on_commit(DELIVER_TASK, mail.pk)
    return mail


def _claim(mail_id: int, now: dt.datetime) -> bool:
    """Take the mail for this worker (an atomic conditional update, no lock held while
    sending); False when it is done or another worker has it."""
    return bool(
        EventMail.objects.filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lte=now),
            pk=mail_id,
            sent_at__isnull=True,
            failed_at__isnull=True,
            skipped=False,
        ).update(claimed_until=now + CLAIM)
    )


def _record_failure(mail: EventMail, error: Exception) -> None:
    attempts = mail.attempts + 1
    EventMail.objects.filter(pk=mail.pk).update(
        attempts=attempts,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        claimed_until=None,
        failed_at=timezone.now() if attempts >= max_attempts() else None,
    )


def deliver(mail_id: int) -> bool:
    """Send one outbox mail unless it was sent, failed for good or no longer applies; True
    when sent now. Raises MailDeliveryFailed after counting a failed attempt."""
    if not _claim(mail_id, timezone.now()):
        return False
    mail = EventMail.objects.select_related(
        "registration__event",
        "registration__person",
        "invitation__event",
        "invitation__person",
        "person",
        "user",
    ).get(pk=mail_id)
    try:
        prepared = _PREPARERS[mail.kind](mail)
        if prepared is not None:
            prepared.message.send()
    # Any error — SMTP, a header Django refuses (BadHeaderError), a broken template — is
    # counted against the limit; an uncaught one would leave the mail to be retried forever.
    except Exception as error:
        _record_failure(mail, error)
        raise MailDeliveryFailed(f"{type(error).__name__}: {error}") from error
    if prepared is None:
        EventMail.objects.filter(pk=mail.pk).update(skipped=True, claimed_until=None)
        return False
    EventMail.objects.filter(pk=mail.pk).update(
        attempts=F("attempts") + 1, sent_at=timezone.now(), last_error="", claimed_until=None
    )
    if prepared.after_sent is not None:
        prepared.after_sent()
    return True


def may_retry(mail_id: int) -> int | None:
    """The attempts so far when the mail may be tried again, else None."""
    row = (
        EventMail.objects.filter(pk=mail_id, failed_at__isnull=True, sent_at__isnull=True)
        .values_list("attempts", flat=True)
        .first()
    )
    return row if row is not None and row < max_attempts() else None


def pending_mail_ids(now: dt.datetime | None = None) -> list[int]:
    """Unsent mails that still have tries left: failed ones, and ones whose task was lost."""
    now = now or timezone.now()
    stale = now - retry_delay(1)
    return list(
        EventMail.objects.filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lte=now),
            sent_at__isnull=True,
            skipped=False,
            failed_at__isnull=True,
            attempts__lt=max_attempts(),
        )
        .exclude(attempts=0, created_at__gt=stale)
        .values_list("pk", flat=True)
    )


def retry_pending_mails() -> int:
    """Enqueue every pending mail again (after the surrounding commit); returns how many."""
    ids = pending_mail_ids()
    for mail_id in ids:
        enqueue_on_commit(DELIVER_TASK, mail_id)
    return len(ids)
