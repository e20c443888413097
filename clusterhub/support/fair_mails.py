"""The reminders of a joint stand's logistics deadlines, written for the one outbox."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusterhub.events.models import EventMail
from clusterhub.events.outbox import Prepared, subject_of
from clusterhub.support.fairs import DEADLINE_REMINDER
from clusterhub.support.models import CoExhibitor, FairDeadline

KINDS = {DEADLINE_REMINDER: gettext_lazy("Frist am Gemeinschaftsstand")}


def prepare(mail: EventMail) -> Prepared | None:
    exhibitor = subject_of(mail, CoExhibitor)
    if exhibitor is None or exhibitor.status != CoExhibitor.Status.ACCEPTED:
        return None  # withdrawn meanwhile: the reminder no longer applies
    deadline_id = mail.occasion.removeprefix("deadline-")
    deadline = (
        FairDeadline.objects.filter(pk=int(deadline_id), stand_id=exhibitor.stand_id).first()
        if deadline_id.isdigit()
        else None
    )
    if deadline is None or not exhibitor.contact_email:
        return None
    with translation.override("de"):
        context = {"exhibitor": exhibitor, "deadline": deadline, "stand": exhibitor.stand}
        message = EmailMessage(
            subject=_("Frist für den Gemeinschaftsstand %(fair)s: %(title)s")
            % {"fair": exhibitor.stand.fair, "title": deadline.title},
            body=render_to_string("support/mails/fair_deadline.txt", context),
            to=[exhibitor.contact_email],
        )
    return Prepared(message)
