"""Funding calls: EU topics imported from the Funding & Tenders Portal, and calls of Land,
Bund and city entered by hand; and who a call was forwarded to."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FundingCall(models.Model):
    class Source(models.TextChoices):
        EU_PORTAL = "eu_portal", _("EU Funding & Tenders Portal")
        MANUAL = "manual", _("Von Hand erfasst")

    class Level(models.TextChoices):
        EU = "eu", _("EU")
        FEDERAL = "federal", _("Bund")
        STATE = "state", _("Land")
        CITY = "city", _("Stadt")
        OTHER = "other", _("Sonstige")

    class Status(models.TextChoices):
        OPEN = "open", _("Offen")
        CLOSED = "closed", _("Abgelaufen")
        NO_DEADLINE = "no_deadline", _("Ohne Frist")

    source = models.CharField(
        _("Quelle"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    level = models.CharField(_("Förderebene"), max_length=20, choices=Level.choices)
    programme = models.CharField(_("Programm"), max_length=200)
    # The portal's topic id (unique key of the import) or an identifier given by hand.
    identifier = models.CharField(_("Kennung"), max_length=120, unique=True)
    call_identifier = models.CharField(_("Ausschreibung"), max_length=120, blank=True)
    programme_part = models.CharField(_("Programmteil"), max_length=40, blank=True)
    title = models.CharField(_("Titel"), max_length=500)
    text = models.TextField(_("Text"), blank=True)
    deadline = models.DateField(_("Frist"), null=True, blank=True)
    later_deadlines = models.JSONField(_("Weitere Fristen"), default=list, blank=True)
    # The last of all deadlines: a call is open until then (kept by the services).
    final_deadline = models.DateField(editable=False, null=True, blank=True)
    budget_min = models.PositiveBigIntegerField(
        _("Budget je Vorhaben ab (EUR)"), null=True, blank=True
    )
    budget_max = models.PositiveBigIntegerField(
        _("Budget je Vorhaben bis (EUR)"), null=True, blank=True
    )
    expected_grants = models.PositiveIntegerField(_("Erwartete Förderungen"), null=True, blank=True)
    action_type = models.CharField(_("Maßnahmenart"), max_length=60, blank=True)
    action_type_label = models.CharField(_("Maßnahmenart (Langform)"), max_length=200, blank=True)
    keywords = models.JSONField(_("Schlagwörter"), default=list, blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("Themen"), blank=True, related_name="funding_calls"
    )
    url = models.URLField(_("Link"), max_length=500, blank=True)
    # A digest of the imported values: a re-import writes only what changed.
    import_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        ordering = ["deadline", "identifier"]
        verbose_name = _("Förderaufruf")
        verbose_name_plural = _("Förderaufrufe")
        indexes = [
            models.Index(fields=["final_deadline", "deadline"], name="call_deadline_idx"),
            models.Index(fields=["programme", "deadline"], name="call_programme_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.identifier}: {self.title}"[:200]

    @property
    def deadlines(self) -> list[dt.date]:
        later = [dt.date.fromisoformat(value) for value in self.later_deadlines]
        return sorted([self.deadline, *later]) if self.deadline else sorted(later)

    def status_on(self, today: dt.date) -> str:
        """Open until the last deadline has passed; computed, never stored."""
        if self.final_deadline is None:
            return self.Status.NO_DEADLINE
        return self.Status.OPEN if self.final_deadline >= today else self.Status.CLOSED

    def next_deadline_on(self, today: dt.date) -> dt.date | None:
        return next((day for day in self.deadlines if day >= today), None)


class Forwarding(models.Model):
    """A call forwarded to an organisation: the mail to its contact and the CRM entry."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="forwardings")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="call_forwardings"
    )
    person = models.ForeignKey(
        "directory.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("Nachricht"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("Weitergeleitet am"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Weiterleitung")
        verbose_name_plural = _("Weiterleitungen")

    def __str__(self) -> str:
        return f"{self.call.identifier} → {self.organisation}"
