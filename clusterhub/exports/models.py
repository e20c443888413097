"""Export jobs (each export, audited; large ones written by the worker) and the secret
address of a user's follow-up feed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("In der Warteschlange")
        DONE = "done", _("Fertig")
        FAILED = "failed", _("Fehlgeschlagen")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    list_name = models.CharField(max_length=40)
    file_format = models.CharField(max_length=8)
    # The list's filter as the page sent it (the GET parameters), to write it again later.
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    row_count = models.PositiveIntegerField(default=0)
    stored_file = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Export")
        verbose_name_plural = _("Exporte")

    def __str__(self) -> str:
        return f"{self.list_name}.{self.file_format}"


class FeedToken(models.Model):
    """The secret in the address of a user's follow-up calendar; a new one revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_up_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}"
