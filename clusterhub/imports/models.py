"""An import run with its file, mapping, progress and report; rows held for a decision; the
stable keys that make a re-run change nothing; remembered column mappings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.imports.fields import Kind


class ImportRun(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Hochgeladen")
        QUEUED = "queued", _("In der Warteschlange")
        RUNNING = "running", _("Läuft")
        DONE = "done", _("Fertig")
        FAILED = "failed", _("Fehlgeschlagen")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("Datei"), max_length=255)
    # Where the upload lies in the default storage (never a local path).
    stored_file = models.CharField(max_length=300, blank=True)
    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("Cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UPLOADED)
    mapping = models.JSONField(default=dict, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    # [{"line": 7, "column": "Name", "message": "..."}], the refused rows' problems.
    errors = models.JSONField(default=list, blank=True)
    refused_file = models.CharField(max_length=300, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def percent(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0


class HeldRow(models.Model):
    """A row that probably is an organisation already in the registry: not created until the
    user decides to merge it into one of the candidates or to create it after all."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Offen")
        MERGED = "merged", _("Zusammengeführt")
        CREATED = "created", _("Neu angelegt")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="held_rows")
    line = models.PositiveIntegerField()
    key = models.CharField(max_length=300)
    values = models.JSONField()
    # [{"id": 3, "name": "Pepperl+Fuchs SE", "score": 96.0}], best first.
    candidates = models.JSONField()
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    organisation = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["line"]

    def __str__(self) -> str:
        return f"{self.run_id}:{self.line}"


class ImportKey(models.Model):
    """The stable key of an imported row and the record it became: a re-run finds it here."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=300)
    object_id = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="import_key_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class MappingPreset(models.Model):
    """The column mapping a user chose for a header, offered again for the same header."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    header_signature = models.CharField(max_length=500)
    mapping = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "header_signature"], name="import_preset_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}"
