"""Aggregates kept between refreshes, and the annual reports asked for."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """A cross-cluster aggregate that is slow to compute (overlaps, theme × cluster table,
    network, topic proposals) for one period, as plain JSON; refreshed by a background task."""

    class Kind(models.TextChoices):
        DASHBOARD = "dashboard", _("Kennzahlen")
        OVERLAPS = "overlaps", _("Organisationen in mehreren Clustern")
        THEMES = "themes", _("Themen × Cluster")
        NETWORK = "network", _("Netzwerk")
        TOPICS = "topics", _("Themenvorschläge")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    # The cluster's slug, or empty for the figures over all clusters (city-wide).
    scope = models.CharField(_("Cluster"), max_length=80, blank=True)
    period_start = models.DateField(_("Beginn"))
    period_end = models.DateField(_("Ende"))
    data = models.JSONField(_("Daten"), default=dict)
    refreshed_at = models.DateTimeField(_("Aktualisiert am"))
    seconds = models.FloatField(_("Rechenzeit in Sekunden"), default=0)

    class Meta:
        verbose_name = _("Auswertungsstand")
        verbose_name_plural = _("Auswertungsstände")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "scope", "period_start", "period_end"], name="insight_one_snapshot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_start}–{self.period_end}"


class Report(models.Model):
    """An annual report (PDF or XLSX) of one cluster or of the agency, made by the worker."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Wartet")
        RUNNING = "running", _("Läuft")
        DONE = "done", _("Fertig")
        FAILED = "failed", _("Fehlgeschlagen")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("Cluster"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leer: der Bericht der Wirtschaftsförderung über alle Cluster."),
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    file_format = models.CharField(_("Format"), max_length=5, choices=Format.choices)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt in Prozent"), default=0)
    content = models.BinaryField(_("Datei"), null=True, blank=True, editable=False)
    error = models.TextField(_("Fehler"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("Angefordert am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Fertig am"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("Jahresbericht")
        verbose_name_plural = _("Jahresberichte")

    def __str__(self) -> str:
        return f"{self.year} {self.cluster_id or 'agency'} {self.file_format}"
