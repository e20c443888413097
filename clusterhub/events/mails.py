"""The event mails: what each says, with its .ics and links; the outbox delivers them."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusterhub.events import conf
from clusterhub.events.checkin import checkin_url, qr_png
from clusterhub.events.consents import may_be_invited, may_be_reminded
from clusterhub.events.ics import calendar_document
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.outbox import Prepared

Kind = EventMail.Kind
Status = Registration.Status


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
    """A mail whose occasion has passed (an offer already answered) is not sent, nor one the
    person's consent no longer covers (a reminder after the events consent was withdrawn)."""
    if mail.invitation is not None:
        event = mail.invitation.event
        return (
            event.status == Event.Status.PLANNED
            and timezone.now() < event.starts_at
            and may_be_invited(mail.invitation.person_id)
        )
    assert mail.registration is not None
    status = mail.registration.status
    if mail.kind in {Kind.REMINDER, Kind.FEEDBACK} and not may_be_reminded(mail.registration):
        return False
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


def prepare(mail: EventMail) -> Prepared | None:
    """The outbox's preparer for the event mails: the message, or None when it no longer
    applies."""
    if not still_applies(mail):
        return None
    return Prepared(build_message(mail))
