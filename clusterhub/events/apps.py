from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "clusterhub.events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        # The outbox asks each app how its kinds of mail are written.
        from clusterhub.events import mails, outbox
        from clusterhub.events.models import EventMail

        for kind in (
            EventMail.Kind.CONFIRMATION,
            EventMail.Kind.WAITLISTED,
            EventMail.Kind.OFFER,
            EventMail.Kind.REMINDER,
            EventMail.Kind.INVITATION,
            EventMail.Kind.FEEDBACK,
            EventMail.Kind.LINK,
        ):
            outbox.register_preparer(kind, mails.prepare)
