"""The forwarded call's mail, rendered by the outbox's worker when it is sent."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from clusterhub.calls.models import Forwarding
from clusterhub.events.models import EventMail
from clusterhub.events.outbox import Prepared

ATTRIBUTION = "Source: European Commission, EU Funding & Tenders Portal"


def forwarding_of(mail: EventMail) -> Forwarding | None:
    kind, _sep, pk = mail.occasion.partition(":")
    if kind != "forwarding" or not pk.isdigit():
        return None
    return (
        Forwarding.objects.select_related("call", "organisation", "cluster", "sent_by")
        .filter(pk=int(pk))
        .first()
    )


def render_forwarding(forwarding: Forwarding, greeting_name: str) -> tuple[str, str]:
    """Subject and body of the mail (also the preview before sending)."""
    call = forwarding.call
    subject = _("Förderaufruf: %(title)s") % {"title": call.title}
    body = render_to_string(
        "calls/mails/forwarding.txt",
        {
            "call": call,
            "forwarding": forwarding,
            "name": greeting_name,
            "attribution": ATTRIBUTION if call.source == call.Source.EU_PORTAL else "",
        },
    )
    return " ".join(subject.split())[:250], body


def prepare_forwarding(mail: EventMail) -> Prepared | None:
    """None when the person was erased or has no address any more, or the row is gone."""
    forwarding = forwarding_of(mail)
    person = mail.person
    if forwarding is None or person is None or person.erased_at is not None or not person.email:
        return None
    with translation.override(person.preferred_language or "de"):
        subject, body = render_forwarding(forwarding, person.full_name)
    return Prepared(EmailMessage(subject=subject, body=body, to=[person.email]))
