"""Tombstones of erased people: a salted hash of the normalised e-mail address, so that no
later import or registration review brings an erased person back, and the address itself is
not kept."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasedEmail(models.Model):
    email_hash = models.CharField(max_length=64, unique=True, editable=False)
    erased_at = models.DateTimeField(_("Gelöscht am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Gelöschte E-Mail-Adresse")
        verbose_name_plural = _("Gelöschte E-Mail-Adressen")

    def __str__(self) -> str:
        return self.email_hash[:12]
