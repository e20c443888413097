"""Digital mentoring (Digi-Pate): an SME's case with its need and stage, the sessions held,
and the specialists from the network it was introduced to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MentoringCase(models.Model):
    class Stage(models.TextChoices):
        FIRST_TALK = "first_talk", _("Erstgespräch")
        ANALYSIS = "analysis", _("Bedarfsanalyse")
        IMPLEMENTATION = "implementation", _("Umsetzung")
        CLOSED = "closed", _("Abgeschlossen")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="mentoring_cases",
        verbose_name=_("Unternehmen"),
    )
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cluster")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Digi-Pate"),
    )
    need = models.TextField(_("Bedarf"))
    stage = models.CharField(
        _("Stand"), max_length=20, choices=Stage.choices, default=Stage.FIRST_TALK
    )
    opened_on = models.DateField(_("Begonnen am"))

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("Digi-Pate-Fall")
        verbose_name_plural = _("Digi-Pate-Fälle")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.opened_on:%Y-%m-%d})"


class MentoringSession(models.Model):
    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("Am"))
    topics = models.TextField(_("Themen"))
    next_step = models.CharField(_("Nächster Schritt"), max_length=300, blank=True)

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")

    def __str__(self) -> str:
        return f"{self.case} – {self.held_on:%Y-%m-%d}"


class MentoringIntroduction(models.Model):
    """A specialist the SME was introduced to, as an introduction of the partner matching."""

    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="introductions")
    specialist = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Fachleute"),
    )
    introduction = models.ForeignKey(
        "partners.Introduction", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduced_on = models.DateField(_("Vorgestellt am"))

    class Meta:
        ordering = ["introduced_on", "pk"]
        verbose_name = _("Vorstellung")
        verbose_name_plural = _("Vorstellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "specialist"], name="one_introduction_per_specialist"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.specialist}"
