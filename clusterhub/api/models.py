"""Personal API tokens. Only a hash of the secret is stored: whoever reads the database
cannot call the API with what they find there."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("Benutzer"),
    )
    name = models.CharField(_("Bezeichnung"), max_length=100)
    # The first characters of the secret, shown on the token page so the owner can tell
    # tokens apart; too short to guess the rest from.
    prefix = models.CharField(_("Anfang"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("Zuletzt benutzt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("Widerrufen am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API-Token")
        verbose_name_plural = _("API-Tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
