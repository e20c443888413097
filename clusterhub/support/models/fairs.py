"""Joint trade-fair stands: a fair with the agency's stand, its co-exhibitors (accepted up to
the stand's places, then a waiting list in order), the logistics deadlines and the leads
collected at the stand."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line


class JointStand(models.Model):
    """The agency's joint stand at one fair (Hannover Messe 2027)."""

    class CostRule(models.TextChoices):
        EQUAL = "equal", _("zu gleichen Teilen")
        AREA = "area", _("nach gebuchten Quadratmetern")

    fair = models.CharField(_("Messe"), max_length=200, validators=[validate_one_line])
    slug = models.SlugField(_("Kurzname"), unique=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    starts_on = models.DateField(_("Erster Messetag"))
    ends_on = models.DateField(_("Letzter Messetag"))
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.PROTECT,
        related_name="joint_stands",
        verbose_name=_("Cluster"),
    )
    places = models.PositiveSmallIntegerField(_("Plätze für Mitaussteller"))
    total_cost = models.DecimalField(_("Gesamtkosten (EUR)"), max_digits=10, decimal_places=2)
    cost_rule = models.CharField(
        _("Kostenteilung"), max_length=10, choices=CostRule.choices, default=CostRule.EQUAL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "fair"]
        verbose_name = _("Gemeinschaftsstand")
        verbose_name_plural = _("Gemeinschaftsstände")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="joint_stand_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.fair


class CoExhibitor(models.Model):
    """An organisation's application for a place on the stand."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Zugesagt")
        WAITING = "waiting", _("Warteliste")
        WITHDRAWN = "withdrawn", _("Zurückgezogen")

    stand = models.ForeignKey(JointStand, on_delete=models.CASCADE, related_name="exhibitors")
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="fair_applications",
        verbose_name=_("Organisation"),
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices)
    area_sqm = models.DecimalField(
        _("Fläche (m²)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)
    applied_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)

    class Meta:
        ordering = ["applied_at", "pk"]
        verbose_name = _("Mitaussteller")
        verbose_name_plural = _("Mitaussteller")
        constraints = [
            models.UniqueConstraint(
                fields=["stand", "organisation"], name="one_application_per_stand"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stand} – {self.organisation}"


class FairDeadline(models.Model):
    """A logistics deadline (Standbau-Unterlagen, Katalogeintrag): the accepted
    co-exhibitors' contacts are reminded ``remind_days`` before."""

    stand = models.ForeignKey(JointStand, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(_("Frist"), max_length=200, validators=[validate_one_line])
    due_on = models.DateField(_("Fällig am"))
    remind_days = models.PositiveSmallIntegerField(_("Erinnerung (Tage vorher)"), default=7)
    reminded_at = models.DateTimeField(_("Erinnert am"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("Frist")
        verbose_name_plural = _("Fristen")

    def __str__(self) -> str:
        return f"{self.stand} – {self.title}"


class FairLead(models.Model):
    """A contact made at the stand; with a registry organisation it lands as an interaction."""

    stand = models.ForeignKey(JointStand, on_delete=models.CASCADE, related_name="leads")
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fair_leads",
        verbose_name=_("Organisation im Register"),
    )
    organisation_name = models.CharField(_("Organisation"), max_length=300, blank=True)
    contact = models.CharField(_("Kontakt"), max_length=300, blank=True)
    note = models.TextField(_("Notiz"), blank=True)
    interaction = models.ForeignKey(
        "crm.Interaction", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Messekontakt")
        verbose_name_plural = _("Messekontakte")

    def __str__(self) -> str:
        return self.organisation_name or str(self.organisation)
