"""Partner matching in the web app: what staff said about suggestions, and introductions made."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from pgvector.django import HnswIndex, VectorField

LSA_DIMENSIONS = 64


class SuggestionFeedback(models.Model):
    """One person's answer on whether a suggested partner is useful for an organisation.

    The latest answer per organisation and partner counts: "not useful" hides the partner from
    that organisation's suggestions, "useful" keeps it at the top.
    """

    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    suggested = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Vorgeschlagener Partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Bewertet von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    useful = models.BooleanField(_("Nützlich"))
    answered_at = models.DateTimeField(_("Bewertet am"))

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("Bewertung eines Partnervorschlags")
        verbose_name_plural = _("Bewertungen von Partnervorschlägen")
        indexes = [
            models.Index(
                fields=["organisation", "-answered_at"], name="suggestion_feedback_org_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.suggested_id}: {self.useful}"


class Introduction(models.Model):
    """Two organisations introduced to each other by a cluster; each side has its CRM entry."""

    cluster = models.ForeignKey(
        "clusters.Cluster", verbose_name=_("Cluster"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    partner = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    interactions = models.ManyToManyField(
        "crm.Interaction", verbose_name=_("Kontakte"), related_name="+"
    )
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduced_on = models.DateField(_("Vorgestellt am"))

    class Meta:
        ordering = ["-introduced_on", "-id"]
        verbose_name = _("Vorstellung")
        verbose_name_plural = _("Vorstellungen")

    def __str__(self) -> str:
        return f"{self.organisation_id} ↔ {self.partner_id}"


class OrganisationVector(models.Model):
    """An organisation's dense profile vector; the table exists on PostgreSQL only.

    The migration creates it (with the ``vector`` extension and an HNSW index) only where
    the database is PostgreSQL. The organisation is a plain id, not a foreign key, so that
    deleting an organisation on SQLite never looks for this table; the background rebuild
    replaces all rows and so drops those of deleted organisations.
    """

    organisation_id = models.BigIntegerField(primary_key=True)
    embedding = VectorField(dimensions=LSA_DIMENSIONS)

    class Meta:
        verbose_name = _("Profilvektor")
        verbose_name_plural = _("Profilvektoren")
        indexes = [
            HnswIndex(
                name="org_vector_hnsw_idx",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation_id)


class PartnerIndexSnapshot(models.Model):
    """The partner index as the last build left it: one row, read by every web process.

    The database is the one place all processes and machines share, so the index lives here
    rather than on a local disk. ``version`` changes with each save; a process compares it with
    the copy it holds (a one-column query, at most every
    ``CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS``) and loads ``data`` only when it changed.
    """

    CURRENT = 1

    version = models.UUIDField()
    built_at = models.DateTimeField()
    # The pickled ``index_store.StoredIndex``: a few MB for the demo's 6,000 organisations.
    data = models.BinaryField()

    class Meta:
        verbose_name = _("Gespeicherter Partnerindex")
        verbose_name_plural = _("Gespeicherte Partnerindizes")

    def __str__(self) -> str:
        return f"{self.version} ({self.built_at:%Y-%m-%d %H:%M})"
