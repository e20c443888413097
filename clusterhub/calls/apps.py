from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "clusterhub.calls"
    label = "calls"
    verbose_name = _("Förderaufrufe")

    def ready(self) -> None:
        # The one outbox asks each app how its kinds of mail are written.
        from clusterhub.calls import mails
        from clusterhub.events import outbox
        from clusterhub.events.models import EventMail

        outbox.register_preparer(EventMail.Kind.CALL_FORWARD, mails.prepare_forwarding)
