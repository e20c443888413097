"""Material streams offered and sought between firms (industrial symbiosis)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line
from clusterhub.support.ewc import WasteCode, codes


class MaterialStream(models.Model):
    """A stream of waste or by-product an organisation offers, or one it could use instead of
    primary material (industrial symbiosis), named by its waste code (EWC/AVV)."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Angebot")
        NEED = "need", _("Bedarf")

    class Accepts(models.TextChoices):
        EXACT = "exact", _("nur genau dieser Abfallschlüssel")
        GROUP = "group", _("auch verwandte Schlüssel derselben Gruppe")
        CHAPTER = "chapter", _("auch Schlüssel desselben Kapitels")

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="material_streams",
        verbose_name=_("Organisation"),
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    material = models.CharField(_("Material"), max_length=200, validators=[validate_one_line])
    ewc_code = models.CharField(_("Abfallschlüssel (AVV)"), max_length=6)
    hazardous = models.BooleanField(_("gefährlich"), default=False)
    tonnes_per_year = models.DecimalField(_("Menge (t/Jahr)"), max_digits=12, decimal_places=2)
    quality = models.CharField(_("Qualität, Zustand"), max_length=300, blank=True)
    city = models.CharField(_("Ort"), max_length=120)
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    available_from = models.DateField(_("verfügbar ab"), null=True, blank=True)
    accepts = models.CharField(
        _("Passende Schlüssel"), max_length=10, choices=Accepts.choices, default=Accepts.EXACT
    )
    accepts_hazardous = models.BooleanField(_("darf gefährliche Abfälle annehmen"), default=False)
    active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["ewc_code", "organisation__name"]
        verbose_name = _("Stoffstrom")
        verbose_name_plural = _("Stoffströme")
        indexes = [models.Index(fields=["kind", "ewc_code"], name="stream_kind_code_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tonnes_per_year__gt=0), name="stream_positive_quantity"
            ),
            models.CheckConstraint(
                condition=models.Q(ewc_code__regex=r"^[0-9]{6}$"), name="stream_six_digit_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.material} ({self.ewc_code})"

    @property
    def waste_code(self) -> WasteCode:
        """The code's entry in the waste catalogue, for display (``17 04 05``, its name)."""
        return codes()[self.ewc_code]
