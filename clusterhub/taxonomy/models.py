"""The theme taxonomy: concepts with German and English labels, broader/narrower links."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    class Scheme(models.TextChoices):
        LEAD_MARKET = "lead_market", _("Green-Tech-Leitmarkt")
        CROSS_CUTTING = "cross_cutting", _("Querschnittsthema")
        CLUSTER_FIELD = "cluster_field", _("Clusterfeld")
        CONSORTIUM = "consortium", _("Konsortialthema")
        RESEARCH = "research", _("Forschungsprogramm")

    slug = models.SlugField(_("Kennung"), max_length=80, unique=True)
    label_de = models.CharField(_("Bezeichnung (deutsch)"), max_length=200)
    label_en = models.CharField(_("Bezeichnung (englisch)"), max_length=200)
    scheme = models.CharField(_("Art"), max_length=20, choices=Scheme.choices)
    broader = models.ForeignKey(
        "self",
        verbose_name=_("Oberbegriff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )

    class Meta:
        ordering = ["label_de"]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "de").startswith("en") else self.label_de
