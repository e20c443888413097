"""B2B matchmaking at an event: sessions and tables, participants, requests and meetings.

Slots are not stored: they follow from the sessions (``slots.event_slots``), and a meeting
keeps the slot's id (``2027-05-12T0900``), the form ``shared/formats/meetings.md`` uses.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.events.models import Event, Registration, new_token


class MatchmakingSession(models.Model):
    """A block of meeting slots on one day, with an optional break (no slot overlaps it)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="matchmaking_sessions")
    name = models.CharField(_("Name"), max_length=200)
    date = models.DateField(_("Tag"))
    starts_at = models.TimeField(_("Beginn"))
    ends_at = models.TimeField(_("Ende"))
    slot_minutes = models.PositiveSmallIntegerField(_("Dauer eines Treffens (Minuten)"), default=20)
    break_starts_at = models.TimeField(_("Pause ab"), null=True, blank=True)
    break_ends_at = models.TimeField(_("Pause bis"), null=True, blank=True)

    class Meta:
        ordering = ["date", "starts_at", "id"]
        verbose_name = _("Matchmaking-Runde")
        verbose_name_plural = _("Matchmaking-Runden")

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A registration's matchmaking profile; ``token`` is the magic link (no password)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="matchmaking_participants"
    )
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="matchmaking_participant"
    )
    offers = models.TextField(_("Wir bieten"), blank=True)
    seeks = models.TextField(_("Wir suchen"), blank=True)
    max_meetings = models.PositiveSmallIntegerField(_("Höchstens Treffen"), null=True, blank=True)
    # Slot ids the participant is free in; None means every slot.
    available_slots = models.JSONField(_("Verfügbare Zeitfenster"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    # When the published agenda was last mailed, and a fingerprint of what it said then: a
    # second "send agendas" mails only those whose meetings changed since.
    welcome_sent_at = models.DateTimeField(_("Zugang versandt am"), null=True, blank=True)
    agenda_sent_at = models.DateTimeField(_("Agenda versandt am"), null=True, blank=True)
    agenda_sent_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("Matchmaking-Teilnahme")
        verbose_name_plural = _("Matchmaking-Teilnahmen")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.registration.full_name

    @property
    def organisation_label(self) -> str:
        registration = self.registration
        if registration.organisation is not None:
            return str(registration.organisation)
        return registration.organisation_name


class Table(models.Model):
    """A meeting table (or a virtual room); with an owner it is that exhibitor's own booth."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="matchmaking_tables")
    label = models.CharField(_("Bezeichnung"), max_length=50)
    virtual = models.BooleanField(_("Virtuell"), default=False)
    owner = models.ForeignKey(
        Participant,
        verbose_name=_("Stand von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booths",
    )

    class Meta:
        ordering = ["label", "id"]
        verbose_name = _("Tisch")
        verbose_name_plural = _("Tische")
        constraints = [
            models.UniqueConstraint(fields=["event", "label"], name="mm_table_label_per_event")
        ]

    def __str__(self) -> str:
        return self.label


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Angefragt")
        ACCEPTED = "accepted", _("Angenommen")
        DECLINED = "declined", _("Abgelehnt")
        EXPIRED = "expired", _("Abgelaufen")

    # Statuses that still stand for a wished meeting between the pair.
    LIVE = (Status.REQUESTED, Status.ACCEPTED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    sender = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(_("Nachricht"), blank=True, max_length=500)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    # Both asked for the meeting: it weighs double in the schedule.
    mutual = models.BooleanField(_("Beidseitig"), default=False)
    created_at = models.DateTimeField(_("Angefragt am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Gilt bis"))
    answered_at = models.DateTimeField(_("Beantwortet am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Terminanfrage")
        verbose_name_plural = _("Terminanfragen")
        indexes = [models.Index(fields=["status", "expires_at"], name="mm_request_expiry_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=models.Q(status__in=["requested", "accepted"]),
                name="mm_one_live_request_per_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="mm_request_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient}"


class Meeting(models.Model):
    """A scheduled meeting; ``pinned`` (placed by hand) and ``announced`` ones stay in place
    when the schedule is re-run."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    slot_id = models.CharField(_("Zeitfenster"), max_length=40)
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="meetings")
    pinned = models.BooleanField(_("Festgelegt"), default=False)
    announced = models.BooleanField(_("Veröffentlicht"), default=False)
    # Who did not come; a meeting with a no-show does not count as "met" at later events.
    no_shows = models.ManyToManyField(
        Participant, verbose_name=_("Nicht erschienen"), blank=True, related_name="missed_meetings"
    )

    class Meta:
        ordering = ["slot_id", "table__label", "id"]
        verbose_name = _("Treffen")
        verbose_name_plural = _("Treffen")
        constraints = [
            models.UniqueConstraint(fields=["table", "slot_id"], name="mm_one_meeting_per_table")
        ]

    def __str__(self) -> str:
        return f"{self.request} ({self.slot_id})"


class ScheduleRun(models.Model):
    """One background run of the scheduler for an event, so the organiser's page can show how
    it went: the solver may take a minute on a summit, far longer than a web request."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Wartet")
        RUNNING = "running", _("Läuft")
        DONE = "done", _("Fertig")
        FAILED = "failed", _("Fehlgeschlagen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Angestoßen von"),
    )
    requested_at = models.DateTimeField(_("Angestoßen am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Beendet am"), null=True, blank=True)
    scheduled = models.PositiveIntegerField(_("Eingeplant"), null=True, blank=True)
    unscheduled = models.PositiveIntegerField(_("Nicht eingeplant"), null=True, blank=True)
    upper_bound = models.FloatField(_("Obere Schranke"), null=True, blank=True)
    # One line per pinned meeting the solver had to release: "<meeting>: <reason>".
    released_pins = models.JSONField(_("Gelöste Festlegungen"), default=list, blank=True)
    error = models.TextField(_("Fehler"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("Zeitplan-Berechnung")
        verbose_name_plural = _("Zeitplan-Berechnungen")

    def __str__(self) -> str:
        return f"{self.event} {self.requested_at:%Y-%m-%d %H:%M} {self.status}"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
