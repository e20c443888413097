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
        REFUSED = "refused", _("Zugriff verweigert")

    at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("Objektart"), max_length=60, blank=True)
    object_id = models.CharField(_("Objekt-ID"), max_length=40, blank=True)
    object_repr = models.CharField(_("Objekt"), max_length=200, blank=True)
    changes = models.JSONField(_("Änderungen"), default=dict, blank=True)
    # An export: which list and how many rows left the system.
    list_name = models.CharField(_("Liste"), max_length=120, blank=True)
    row_count = models.PositiveIntegerField(_("Zeilen"), null=True, blank=True)
    # A refused attempt: where and as whom, never what was asked for.
    path = models.CharField(_("Adresse"), max_length=300, blank=True)
    role = models.CharField(_("Rolle"), max_length=30, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokolleinträge")
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["actor", "-at"], name="audit_actor_idx"),
            models.Index(fields=["action", "-at"], name="audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"
