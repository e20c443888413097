"""Staff and member accounts and their role.

A cluster manager's clusters are ``Cluster.managers``; the role here says what kind of
account it is. All permission decisions go through ``clusterhub.accounts.roles``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Account(models.Model):
    class Role(models.TextChoices):
        ADMINISTRATOR = "admin", _("Administration")
        CLUSTER_MANAGER = "manager", _("Clustermanagement")
        STAFF_READER = "reader", _("Mitarbeitende (lesend)")
        MEMBER_EDITOR = "member", _("Mitgliedsorganisation")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editor_accounts",
        help_text=_("Nur für Konten von Mitgliedsorganisationen."),
    )

    class Meta:
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
