"""Pairs of organisations that a person decided are not the same."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KeptApart(models.Model):
    """Two organisations that look alike but are not one; never offered as a pair again.
    ``first`` has the lower id, so that a pair is stored once."""

    first = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("Entschieden am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Getrennt gehaltenes Paar")
        verbose_name_plural = _("Getrennt gehaltene Paare")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="kept_apart_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="kept_apart_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≠ {self.second_id}"
