from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "clusterhub.support"
    verbose_name = _("Beratung und Förderangebote")

    def ready(self) -> None:
        # The one outbox asks each app how its kinds of mail are written.
        from clusterhub.events import outbox
        from clusterhub.support import cohort_mails, fair_mails, mails

        for module in (mails, cohort_mails, fair_mails):
            for kind, label in module.KINDS.items():
                outbox.register_preparer(kind, module.prepare, label)
