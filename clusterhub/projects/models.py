"""Research and innovation projects, with who took part: CORDIS projects (the past
collaborations the matching engine learns from) and the agency's own innovation projects
with their consortium, stage, call, milestones, documents and timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.projects.stages import Stage


class Project(models.Model):
    class Source(models.TextChoices):
        CORDIS = "cordis", _("CORDIS (EU-Forschungsprojekte)")
        LOCAL = "local", _("Eigenes Innovationsprojekt")

    source = models.CharField(_("Quelle"), max_length=20, choices=Source.choices)
    external_id = models.CharField(_("Externe Kennung"), max_length=40, blank=True)
    acronym = models.CharField(_("Akronym"), max_length=120, blank=True)
    title = models.CharField(_("Titel"), max_length=300, blank=True)
    programme = models.CharField(_("Programm"), max_length=200, blank=True)
    topic = models.CharField(_("Ausschreibungsthema"), max_length=120, blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    themes = models.ManyToManyField("taxonomy.Theme", verbose_name=_("Themen"), blank=True)
    # The agency's own projects (source "local"):
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    stage = models.CharField(_("Phase"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    clusters = models.ManyToManyField(
        "clusters.Cluster", verbose_name=_("Cluster"), blank=True, related_name="projects"
    )
    consortium = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("Konsortium"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consortium_projects",
        limit_choices_to={"kind": "consortium"},
    )
    call = models.ForeignKey(
        "calls.FundingCall",
        verbose_name=_("Förderaufruf"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    requested_funding = models.PositiveBigIntegerField(
        _("Beantragte Förderung (EUR)"), null=True, blank=True
    )
    granted_funding = models.PositiveBigIntegerField(
        _("Bewilligte Förderung (EUR)"), null=True, blank=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verantwortlich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_projects",
    )
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True, null=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="project_unique_external_id",
            )
        ]

    def __str__(self) -> str:
        return self.acronym or self.title or f"{self.source}:{self.external_id}"


class Participation(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Koordination")
        PARTICIPANT = "participant", _("Beteiligt")
        PARTNER = "partner", _("Partner")
        LEAD = "lead", _("Konsortialführung")
        ASSOCIATED = "associated", _("Assoziierter Partner")
        SUBCONTRACTOR = "subcontractor", _("Unterauftragnehmer")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    contact = models.ForeignKey(
        "directory.Person",
        verbose_name=_("Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_participations",
    )

    class Meta:
        verbose_name = _("Projektbeteiligung")
        verbose_name_plural = _("Projektbeteiligungen")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="participation_unique_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.project}"


class Milestone(models.Model):
    """A milestone or deadline of a project, with the person who sees to it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Meilenstein"), max_length=200)
    due_on = models.DateField(_("Fällig am"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_milestones",
    )
    done = models.BooleanField(_("Erledigt"), default=False)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")

    def __str__(self) -> str:
        return self.title


def document_path(document: ProjectDocument, filename: str) -> str:
    return f"projects/{document.project_id}/{filename}"


class ProjectDocument(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("Datei"), upload_to=document_path, max_length=300)
    name = models.CharField(_("Name"), max_length=200)
    size = models.PositiveBigIntegerField(_("Größe (Bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("Projektdokument")
        verbose_name_plural = _("Projektdokumente")

    def __str__(self) -> str:
        return self.name


class TimelineEntry(models.Model):
    """What happened in a project: stage changes, notes, partners who joined, documents."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Angelegt")
        STAGE = "stage", _("Phasenwechsel")
        NOTE = "note", _("Notiz")
        JOINED = "joined", _("Partner beigetreten")
        DOCUMENT = "document", _("Dokument")
        CALL = "call", _("Förderaufruf")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("Text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Projektverlauf")
        verbose_name_plural = _("Projektverlauf")

    def __str__(self) -> str:
        return self.text[:80]


class CallFollow(models.Model):
    """A call whose deadlines a person follows (in their iCalendar feed)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_calls"
    )
    call = models.ForeignKey("calls.FundingCall", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "call"], name="call_follow_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.call}"


class DeadlineReminder(models.Model):
    """A reminder owed once per project, deadline and lead time (the outbox sends it)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "deadline", "days_before"], name="deadline_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.deadline} −{self.days_before}"
