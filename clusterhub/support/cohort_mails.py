"""The accelerator mails (application received, accepted, declined), written for the one
outbox."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusterhub.events.models import EventMail
from clusterhub.events.outbox import Prepared, subject_of
from clusterhub.support.models import Application

RECEIVED = "cohort_application_received"
ACCEPTED = "cohort_application_accepted"
DECLINED = "cohort_application_declined"
KINDS = {
    RECEIVED: gettext_lazy("Accelerator-Bewerbung eingegangen"),
    ACCEPTED: gettext_lazy("Accelerator-Bewerbung angenommen"),
    DECLINED: gettext_lazy("Accelerator-Bewerbung abgelehnt"),
}
# Which status each mail speaks of; a mail whose status changed meanwhile no longer applies.
STATUS_OF = {
    RECEIVED: Application.Status.SUBMITTED,
    ACCEPTED: Application.Status.ACCEPTED,
    DECLINED: Application.Status.DECLINED,
}


def prepare(mail: EventMail) -> Prepared | None:
    application = subject_of(mail, Application)
    if application is None:
        return None
    if mail.kind != RECEIVED and application.status != STATUS_OF[mail.kind]:
        return None
    with translation.override(application.language or "de"):
        subjects = {
            RECEIVED: _("Ihre Bewerbung ist eingegangen: %(cohort)s"),
            ACCEPTED: _("Willkommen in der Kohorte: %(cohort)s"),
            DECLINED: _("Ihre Bewerbung: %(cohort)s"),
        }
        body = render_to_string(
            "support/mails/cohort_application.txt",
            {"application": application, "kind": mail.kind},
        )
        message = EmailMessage(
            subject=subjects[mail.kind] % {"cohort": application.cohort.name},
            body=body,
            to=[application.email],
        )
    return Prepared(message)
