"""Clusters run by the agency, outside networks and the initiative's consortia."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Farbe als #RRGGBB angeben."))


class Cluster(models.Model):
    class Kind(models.TextChoices):
        OWN = "own", _("Cluster der Wirtschaftsförderung")
        NETWORK = "network", _("Externes Netzwerk")
        INITIATIVE = "initiative", _("Initiative")
        CONSORTIUM = "consortium", _("Konsortium")

    slug = models.SlugField(_("Kennung"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Gehört zu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    description_de = models.TextField(_("Beschreibung (deutsch)"), blank=True)
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    colour = models.CharField(
        _("Farbe"), max_length=7, default="#004B76", validators=[colour_validator]
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Clustermanagement"),
        blank=True,
        related_name="managed_clusters",
    )
    focus_themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("Schwerpunktthemen"), blank=True, related_name="clusters"
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    contact_phone = models.CharField(_("Kontakttelefon"), max_length=40, blank=True)
    website = models.URLField(_("Website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("Cluster")
        verbose_name_plural = pgettext_lazy("Mehrzahl", "Cluster")

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        if (get_language() or "de").startswith("en") and self.description_en:
            return self.description_en
        return self.description_de

    @property
    def is_own(self) -> bool:
        return self.kind == self.Kind.OWN
