"""Research and innovation projects, with who took part: the past collaborations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Project(models.Model):
    class Source(models.TextChoices):
        CORDIS = "cordis", _("CORDIS (EU-Forschungsprojekte)")
        LOCAL = "local", _("Eigenes Innovationsprojekt")

    source = models.CharField(_("Quelle"), max_length=20, choices=Source.choices)
    external_id = models.CharField(_("Externe Kennung"), max_length=40, blank=True)
    acronym = models.CharField(_("Akronym"), max_length=120, blank=True)
    title = models.CharField(_("Titel"), max_length=300, blank=True)
    programme = models.CharField(_("Programm"), max_length=200, blank=True)
    topic = models.CharField(_("Ausschreibungsthema"), max_length=120, blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    themes = models.ManyToManyField("taxonomy.Theme", verbose_name=_("Themen"), blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="project_unique_external_id",
            )
        ]

    def __str__(self) -> str:
        return self.acronym or self.title or f"{self.source}:{self.external_id}"


class Participation(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Koordination")
        PARTICIPANT = "participant", _("Beteiligt")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("Projektbeteiligung")
        verbose_name_plural = _("Projektbeteiligungen")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="participation_unique_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.project}"
