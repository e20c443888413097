"""The event mails: what each says, with its .ics and links, and delivering one from the outbox."""

from __future__ import annotations

import smtplib
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusterhub.events import conf
from clusterhub.events.checkin import checkin_url, qr_png
from clusterhub.events.ics import calendar_document
from clusterhub.events.models import Event, EventMail, Registration

Kind = EventMail.Kind
Status = Registration.Status


class MailDeliveryFailed(Exception):
    """The SMTP server refused or could not be reached; the outbox row keeps the error."""


def link(name: str, token: str) -> str:
    return conf.site_url() + reverse(name, args=[token])


def _subject(mail: EventMail, event: Event) -> str:
    subjects = {
        Kind.CONFIRMATION: _("Anmeldebestätigung: %(title)s"),
        Kind.WAITLISTED: _("Warteliste: %(title)s"),
        Kind.OFFER: _("Ein Platz ist frei geworden: %(title)s"),
        Kind.REMINDER: _("Erinnerung: %(title)s"),
        Kind.INVITATION: _("Einladung: %(title)s"),
        Kind.FEEDBACK: _("Ihre Meinung zu: %(title)s"),
        Kind.LINK: _("Ihre Anmeldung: %(title)s"),
    }
    return subjects[Kind(mail.kind)] % {"title": event.title}


def still_applies(mail: EventMail) -> bool:
    """A mail whose occasion has passed (an offer already answered) is not sent."""
    if mail.invitation is not None:
        event = mail.invitation.event
        return event.status == Event.Status.PLANNED and timezone.now() < event.starts_at
    assert mail.registration is not None
    status = mail.registration.status
    wanted = {
        Kind.CONFIRMATION: {Status.CONFIRMED},
        Kind.WAITLISTED: {Status.WAITLISTED},
        Kind.OFFER: {Status.OFFERED},
        Kind.REMINDER: {Status.CONFIRMED},
        Kind.FEEDBACK: {Status.CONFIRMED, Status.ATTENDED},
        Kind.LINK: {Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED},
    }
    return status in wanted[Kind(mail.kind)]


def _invitation_message(mail: EventMail) -> EmailMessage:
    invitation = mail.invitation
    assert invitation is not None
    person = invitation.person
    with translation.override(person.preferred_language or "de"):
        context = {
            "event": invitation.event,
            "person": person,
            "invitation_url": link("events:invitation", invitation.token),
        }
        body = render_to_string("events/mails/invitation.txt", context)
        return EmailMessage(subject=_subject(mail, invitation.event), body=body, to=[person.email])


def build_message(mail: EventMail) -> EmailMessage:
    if mail.invitation is not None:
        return _invitation_message(mail)
    registration = mail.registration
    assert registration is not None
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "cancel_url": link("events:cancel", registration.token),
            "offer_url": link("events:offer", registration.token),
            "status_url": link("events:registration", registration.token),
            "feedback_url": link("events:feedback", registration.token),
        }
        # Enrolled in the event's B2B matchmaking: the personal (magic) link to it.
        participant = getattr(registration, "matchmaking_participant", None)
        if participant is not None:
            context["matchmaking_url"] = link("matchmaking:home", participant.token)
        body = render_to_string(f"events/mails/{mail.kind}.txt", context)
        message = EmailMessage(
            subject=_subject(mail, registration.event), body=body, to=[registration.recipient]
        )
        if mail.kind in {Kind.CONFIRMATION, Kind.REMINDER}:
            message.attach(
                "veranstaltung.ics",
                calendar_document([registration.event]),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
        if mail.kind == Kind.CONFIRMATION:
            message.attach("check-in.png", qr_png(checkin_url(registration)), "image/png")
    return message


def deliver(mail_id: int) -> bool:
    """Send one outbox mail unless it was sent or no longer applies; True when sent now.

    Idempotent: a second call for a sent mail sends nothing. On an SMTP failure the row keeps
    the error and ``attempts``, ``sent_at`` stays empty, and MailDeliveryFailed is raised.
    """
    mail = EventMail.objects.select_related(
        "registration__event",
        "registration__person",
        "invitation__event",
        "invitation__person",
    ).get(pk=mail_id)
    if mail.sent_at is not None or mail.skipped:
        return False
    if not still_applies(mail):
        EventMail.objects.filter(pk=mail.pk).update(skipped=True)
        return False
    message = build_message(mail)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        EventMail.objects.filter(pk=mail.pk).update(
            attempts=mail.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise MailDeliveryFailed(str(error)) from error
    EventMail.objects.filter(pk=mail.pk).update(
        attempts=mail.attempts + 1, sent_at=timezone.now(), last_error=""
    )
    return True


def pending_mail_ids() -> list[int]:
    """Unsent mails that still have tries left: failed ones, and ones whose task was lost."""
    stale = timezone.now() - conf.mail_retry_delay(1)
    return list(
        EventMail.objects.filter(
            sent_at__isnull=True, skipped=False, attempts__lt=conf.mail_max_attempts()
        )
        .exclude(attempts=0, created_at__gt=stale)
        .values_list("pk", flat=True)
    )


def retry_pending_mails() -> int:
    """Enqueue every pending mail again; returns how many."""
    from clusterhub.events.tasks import enqueue_mail

    ids = pending_mail_ids()
    for mail_id in ids:
        transaction.on_commit(partial(enqueue_mail, mail_id))
    return len(ids)
