from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "clusterhub.support"
    verbose_name = _("Beratung und Förderangebote")

    def ready(self) -> None:
        # The one outbox asks each app how its kinds of mail are written.
        from clusterhub.events import outbox
        from clusterhub.support import fair_mails, mails

        for kind, label in mails.KINDS.items():
            outbox.register_preparer(kind, mails.prepare, label)
        for kind, label in fair_mails.KINDS.items():
            outbox.register_preparer(kind, fair_mails.prepare, label)
