"""``manage.py demo_logins``: the demo's logins, printed last by ``make demo``.

``make demo`` loads the registry, then the events, then builds the partner index; each prints
progress. This runs after them, so the table of logins is the last thing on the screen before
the server starts, and it is printed on every ``make demo``, also when nothing was loaded.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from clusterhub.demo.logins import login_lines, stored_logins


class Command(BaseCommand):
    help = "Gibt die Anmeldedaten der Demo aus (eine Zeile je Rolle)."

    def handle(self, *args: Any, **options: Any) -> None:
        logins = stored_logins()
        if not logins:
            self.stdout.write("Keine Demo-Konten gefunden – zuerst manage.py load_demo.")
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Anmeldung unter {settings.SITE_URL}{reverse('accounts:login')}")
        )
        for line in login_lines(logins):
            self.stdout.write(line)
        mail_dir = settings.EMAIL_FILE_PATH
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend") and mail_dir:
            self.stdout.write(
                f"E-Mails der Demo werden nicht versandt, sondern in {mail_dir} abgelegt."
            )
