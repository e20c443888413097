"""The CRM log: interactions with organisations and the follow-ups they create.

Each interaction belongs to the cluster whose staff wrote it; its notes are private to
that cluster (see ``clusterhub.crm.access``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Interaction(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Besuch")
        CALL = "call", _("Telefonat")
        MEETING = "meeting", _("Treffen")
        MAIL = "mail", _("E-Mail")
        INTRODUCTION = "introduction", _("Vorstellung / Vermittlung")

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("Cluster"),
        on_delete=models.PROTECT,
        related_name="interactions",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("Person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    occurred_on = models.DateField(_("Datum"))
    subject = models.CharField(_("Betreff"), max_length=200)
    notes = models.TextField(_("Notizen"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")
        indexes = [
            models.Index(fields=["organisation", "-occurred_on"], name="interaction_org_idx"),
            models.Index(fields=["cluster", "-occurred_on"], name="interaction_cluster_idx"),
        ]

    def __str__(self) -> str:
        return self.subject


class FollowUp(models.Model):
    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="follow_ups"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zuständig"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    due_on = models.DateField(_("Fällig am"))
    description = models.CharField(_("Aufgabe"), max_length=300)
    done_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("Wiedervorlage")
        verbose_name_plural = _("Wiedervorlagen")
        indexes = [models.Index(fields=["assignee", "done_at", "due_on"], name="followup_todo_idx")]

    def __str__(self) -> str:
        return self.description
