from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "clusterhub.matchmaking"
    label = "matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        # The events outbox delivers the matchmaking mails too; it asks us how to write them.
        from clusterhub.events import outbox
        from clusterhub.events.models import EventMail
        from clusterhub.matchmaking import agenda_mail

        outbox.register_preparer(EventMail.Kind.MATCHMAKING_AGENDA, agenda_mail.prepare_agenda)
        outbox.register_preparer(EventMail.Kind.MATCHMAKING_WELCOME, agenda_mail.prepare_welcome)
