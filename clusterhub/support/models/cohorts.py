"""Accelerator cohorts (S-Hub Accelerator, Life Science Accelerator BW): a call for
applications with its own questions, a deadline and a scoring sheet; applications, the
reviewers' scores with their declared conflicts of interest, and the cohort's milestones and
mentoring sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line


class Cohort(models.Model):
    """One call of a programme. ``questions`` is a list of question texts; ``criteria`` the
    scoring sheet, a list of ``{"key", "label", "weight"}`` whose weights add up to 100."""

    programme = models.CharField(_("Programm"), max_length=200, validators=[validate_one_line])
    name = models.CharField(_("Name"), max_length=200, validators=[validate_one_line])
    slug = models.SlugField(_("Kurzname"), unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("Cluster"),
    )
    deadline = models.DateTimeField(_("Bewerbungsschluss"))
    questions = models.JSONField(_("Fragen"), default=list, blank=True)
    criteria = models.JSONField(_("Bewertungsbogen"), default=list, blank=True)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="reviewed_cohorts",
        verbose_name=_("Gutachtende"),
    )

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("Kohorte")
        verbose_name_plural = _("Kohorten")

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Eingereicht")
        ACCEPTED = "accepted", _("Aufgenommen")
        DECLINED = "declined", _("Abgelehnt")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="applications")
    organisation_name = models.CharField(
        _("Organisation"), max_length=200, validators=[validate_one_line]
    )
    contact_name = models.CharField(
        _("Ansprechperson"), max_length=200, validators=[validate_one_line]
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    answers = models.JSONField(_("Antworten"), default=list)
    language = models.CharField(max_length=8, default="de")
    consent_purpose = models.CharField(_("Zweck der Einwilligung"), max_length=300)
    consent_at = models.DateTimeField(_("Einwilligung am"))
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    # Accepted applications become members of the cohort, linked to the registry (alumni stay).
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cohort_applications",
        verbose_name=_("Organisation im Verzeichnis"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Bewerbung")
        verbose_name_plural = _("Bewerbungen")

    def __str__(self) -> str:
        return f"{self.cohort} – {self.organisation_name}"


class Review(models.Model):
    """One reviewer's sheet for one application: a declared conflict of interest, or scores
    1–5 per criterion key."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cohort_reviews"
    )
    conflict_of_interest = models.BooleanField(_("Interessenkonflikt"))
    scores = models.JSONField(_("Punkte"), default=dict, blank=True)
    comment = models.TextField(_("Kommentar"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["application", "reviewer"]
        verbose_name = _("Begutachtung")
        verbose_name_plural = _("Begutachtungen")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_review_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} – {self.reviewer}"


class CohortEntry(models.Model):
    """A milestone or a mentoring session of the cohort: a simple dated list."""

    class Kind(models.TextChoices):
        MILESTONE = "milestone", _("Meilenstein")
        MENTORING = "mentoring", _("Mentoring")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    day = models.DateField(_("Datum"))
    title = models.CharField(_("Titel"), max_length=200, validators=[validate_one_line])
    done = models.BooleanField(_("Erledigt"), default=False)

    class Meta:
        ordering = ["day", "pk"]
        verbose_name = _("Meilenstein oder Mentoring")
        verbose_name_plural = _("Meilensteine und Mentoring")

    def __str__(self) -> str:
        return f"{self.day} {self.title}"
