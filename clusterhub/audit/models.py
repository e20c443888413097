"""The audit log: who changed or looked at what, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Angelegt")
        UPDATE = "update", _("Geändert")
        DELETE = "delete", _("Gelöscht")
        VIEW = "view", _("Angesehen")
        EXPORT = "export", _("Exportiert")
        ERASE = "erase", _("Gelöscht (DSGVO)")

    at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("Objektart"), max_length=60)
    object_id = models.CharField(_("Objekt-ID"), max_length=40)
    object_repr = models.CharField(_("Objekt"), max_length=200)
    changes = models.JSONField(_("Änderungen"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokolleinträge")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"
