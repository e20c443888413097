"""Feedback after the event: the mail asking for it, the answer, and its summary for staff."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.events import conf
from clusterhub.events.access import registration_for_token
from clusterhub.events.models import Event, EventMail, Feedback, Registration
from clusterhub.events.outbox import owe_mail
from clusterhub.events.services import LinkInvalid, check_not_cancelled, unknown_link

Status = Registration.Status
# Who is asked: those who came, and those confirmed where attendance was not taken.
ASKED = (Status.ATTENDED, Status.CONFIRMED)


def queue_feedback_requests(now: dt.datetime | None = None) -> int:
    """Owe a feedback mail to everyone who took part in an event that ended recently."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status__in=ASKED,
        consent__withdrawn_at__isnull=True,  # delivery checks the consent again
        event__status=Event.Status.PLANNED,
        event__ends_at__lte=now,
        event__ends_at__gt=now - conf.feedback_window(),
    ).exclude(mails__kind=EventMail.Kind.FEEDBACK)
    queued = 0
    with transaction.atomic():
        for registration in due:
            owe_mail(registration, EventMail.Kind.FEEDBACK)
            queued += 1
    return queued


def registration_for_feedback(token: str, now: dt.datetime) -> Registration:
    """The registration a feedback link names, if its holder may give feedback now."""
    registration = registration_for_token(token)
    if registration is None:
        raise unknown_link()
    check_not_cancelled(registration)
    if registration.status not in ASKED:
        raise LinkInvalid(_("Für diese Anmeldung ist keine Rückmeldung vorgesehen."))
    if now < registration.event.starts_at:
        raise LinkInvalid(_("Rückmeldungen sind erst nach Beginn der Veranstaltung möglich."))
    if now > registration.event.ends_at + conf.feedback_window():
        raise LinkInvalid(_("Der Zeitraum für Rückmeldungen zu dieser Veranstaltung ist vorbei."))
    return registration


def save_feedback(
    token: str, rating: int, comment: str, *, now: dt.datetime | None = None
) -> Feedback:
    """Record (or replace) the participant's feedback; one per registration."""
    registration = registration_for_feedback(token, now or timezone.now())
    feedback, _created = Feedback.objects.update_or_create(
        registration=registration, defaults={"rating": rating, "comment": comment.strip()}
    )
    return feedback


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    average: float | None
    # (rating, count, percent of answers) for 5 down to 1, for the bar chart.
    distribution: tuple[tuple[int, int, int], ...]
    comments: tuple[str, ...]


def feedback_summary(event: Event, *, comments: bool = True) -> FeedbackSummary:
    """Count, average and distribution of the ratings; the comments too where ``comments``
    (else none are even read)."""
    given = Feedback.objects.filter(registration__event=event)
    if comments:
        rows = list(given.values_list("rating", "comment"))
    else:
        rows = [(rating, "") for rating in given.values_list("rating", flat=True)]
    ratings = Counter(rating for rating, _comment in rows)
    count = len(rows)
    return FeedbackSummary(
        count=count,
        average=sum(rating for rating, _comment in rows) / count if count else None,
        distribution=tuple(
            (rating, ratings[rating], round(100 * ratings[rating] / count) if count else 0)
            for rating in range(5, 0, -1)
        ),
        comments=tuple(comment for _rating, comment in rows if comment),
    )
