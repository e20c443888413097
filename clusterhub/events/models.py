"""Event formats (series), events, registrations and the outbox of event mails."""

from __future__ import annotations

import functools
import operator
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line
from clusterhub.events.recurrence import validate_rule


def new_token() -> str:
    """An unguessable link token (256 bits), for cancel and offer links sent by mail."""
    return secrets.token_urlsafe(32)


class Format(models.Model):
    """An event series with its cadence ("three times a year") as an RFC 5545 rule."""

    name = models.CharField(_("Name"), max_length=200, validators=[validate_one_line])
    slug = models.SlugField(_("Kennung"), max_length=80, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    clusters = models.ManyToManyField(
        "clusters.Cluster", verbose_name=_("Cluster"), blank=True, related_name="event_formats"
    )
    recurrence = models.CharField(
        _("Wiederholungsregel (RFC 5545)"),
        max_length=300,
        blank=True,
        validators=[validate_rule],
        help_text=_("Zum Beispiel FREQ=MONTHLY;INTERVAL=4 für dreimal im Jahr."),
    )
    series_start = models.DateTimeField(_("Erster Termin der Reihe"), null=True, blank=True)
    default_duration_minutes = models.PositiveIntegerField(
        _("Übliche Dauer (Minuten)"), default=180
    )
    default_venue = models.CharField(_("Üblicher Ort"), max_length=200, blank=True)
    default_address = models.CharField(_("Übliche Adresse"), max_length=300, blank=True)
    default_capacity = models.PositiveIntegerField(_("Übliche Kapazität"), default=50)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Format")
        verbose_name_plural = _("Formate")

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    class Audience(models.TextChoices):
        PUBLIC = "public", _("Öffentlich")
        MEMBERS = "members", _("Nur Mitglieder")
        INVITATION = "invitation", _("Nur auf Einladung")

    class Language(models.TextChoices):
        DE = "de", _("Deutsch")
        EN = "en", _("Englisch")
        BOTH = "de-en", _("Deutsch und Englisch")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Geplant")
        CANCELLED = "cancelled", _("Abgesagt")

    format = models.ForeignKey(
        Format,
        verbose_name=_("Format"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    title = models.CharField(_("Titel"), max_length=200, validators=[validate_one_line])
    description = models.TextField(_("Beschreibung"), blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    venue = models.CharField(_("Ort"), max_length=200, blank=True)
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    online_url = models.URLField(_("Online-Link"), blank=True)
    capacity = models.PositiveIntegerField(_("Plätze"))
    registration_opens_at = models.DateTimeField(_("Anmeldung ab"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("Anmeldung bis"), null=True, blank=True)
    audience = models.CharField(
        _("Zielgruppe"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    language = models.CharField(
        _("Sprache"), max_length=5, choices=Language.choices, default=Language.DE
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("Themen"), blank=True, related_name="events"
    )
    clusters = models.ManyToManyField(
        "clusters.Cluster", verbose_name=_("Cluster"), blank=True, related_name="events"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Das Ende muss nach dem Beginn liegen."),
            ),
            models.UniqueConstraint(
                fields=["format", "starts_at"],
                condition=models.Q(format__isnull=False),
                name="event_one_per_format_start",
                violation_error_message=_(
                    "Dieses Format hat zu diesem Beginn bereits eine Veranstaltung."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bestätigt")
        WAITLISTED = "waitlisted", _("Warteliste")
        OFFERED = "offered", _("Platz angeboten")
        CANCELLED = "cancelled", _("Abgemeldet")
        ATTENDED = "attended", _("Teilgenommen")
        NO_SHOW = "no_show", _("Nicht erschienen")

    # Statuses that hold one of the event's places.
    HOLDS_PLACE = (Status.CONFIRMED, Status.OFFERED, Status.ATTENDED, Status.NO_SHOW)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    # What the registrant typed is kept here; ``person`` and ``organisation`` point into the
    # registry only after an exact match or a staff review (events/registrants.py), so a public
    # form never writes a person or organisation into the staff lists.
    first_name = models.CharField(_("Vorname (Angabe)"), max_length=100, blank=True)
    last_name = models.CharField(_("Nachname (Angabe)"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail (Angabe)"), blank=True)
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("Person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    organisation_name = models.CharField(_("Organisation (Angabe)"), max_length=255, blank=True)
    country = models.CharField(_("Land"), max_length=2, blank=True)
    language = models.CharField(_("Sprache"), max_length=2, default="de")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    waitlist_position = models.PositiveIntegerField(_("Wartelistenplatz"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("Angebot gilt bis"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent = models.ForeignKey(
        "directory.Consent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_in_at = models.DateTimeField(_("Eingecheckt am"), null=True, blank=True)
    # Set when staff decided in "Anmeldungen prüfen" what the registry makes of the typed data.
    registry_reviewed_at = models.DateTimeField(_("Abgleich geprüft am"), null=True, blank=True)
    created_at = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        indexes = [
            models.Index(
                fields=["event", "status", "waitlist_position"], name="reg_event_status_idx"
            ),
            models.Index(fields=["status", "offer_expires_at"], name="reg_offer_expiry_idx"),
        ]
        constraints = [
            # One live registration per e-mail address (any case) and event: a double-clicked
            # submit or a second form with the same address lands on the existing row.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~models.Q(status="cancelled") & ~models.Q(email=""),
                name="registration_one_live_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.event}"

    @property
    def full_name(self) -> str:
        """The name as typed; rows from before the typed fields fall back to the person."""
        typed = f"{self.first_name} {self.last_name}".strip()
        if typed or self.person is None:
            return typed
        return self.person.full_name

    @property
    def recipient(self) -> str:
        """The address the registrant typed; mails about the registration go there."""
        if self.email or self.person is None:
            return self.email
        return self.person.email

    @property
    def holds_place(self) -> bool:
        return self.status in self.HOLDS_PLACE


class Invitation(models.Model):
    """A person from the registry invited to an event; at most once per event and person."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, related_name="event_invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("Eingeladen am"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="invitation_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"


class Feedback(models.Model):
    """A participant's rating (1–5) and comment after the event, given through a mailed link."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(_("Bewertung"))
    comment = models.TextField(_("Kommentar"), blank=True)
    submitted_at = models.DateTimeField(_("Abgegeben am"), auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "id"]
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rating} – {self.registration}"


# ``subject_id``: a row of another app named by its model label and id (a consultation).
_RECIPIENTS = ("registration", "invitation", "person", "user", "subject_id")
# Exactly one recipient is set.
ONE_RECIPIENT = functools.reduce(
    operator.or_,
    (
        models.Q(**{f"{name}__isnull": name != chosen for name in _RECIPIENTS})
        for chosen in _RECIPIENTS
    ),
)


class EventMail(models.Model):
    """One mail in the outbox (``events.outbox``), of any app, owed to a registration or an
    invitation; the task that sends it marks it sent.

    A failed send leaves ``sent_at`` empty and the error here, so the retry command and the
    worker's own deferred retry find it again, until ``attempts`` reaches the limit: then
    ``failed_at`` is set and staff see it. The registration itself is never touched.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Anmeldebestätigung")
        WAITLISTED = "waitlisted", _("Wartelistenplatz")
        OFFER = "offer", _("Nachrückplatz")
        REMINDER = "reminder", _("Erinnerung")
        INVITATION = "invitation", _("Einladung")
        FEEDBACK = "feedback", _("Bitte um Rückmeldung")
        # The registration's own link again, after a second form with the same address;
        # may be owed more than once (events/registrants.py spaces them out).
        LINK = "link", _("Link zur Anmeldung")
        MATCHMAKING_WELCOME = "matchmaking_welcome", _("Matchmaking-Zugang")
        MATCHMAKING_AGENDA = "matchmaking_agenda", _("Matchmaking-Terminplan")
        # Mails of other apps to a person of the registry (no registration behind them).
        CALL_FORWARD = "call_forward", _("Weitergeleiteter Förderaufruf")
        PROJECT_DEADLINE = "project_deadline", _("Erinnerung an eine Projektfrist")

    # Exactly one recipient is set (ONE_RECIPIENT): a registration, an invitation (people who
    # have no registration yet), a person of the registry, a user of the site, or a row of
    # another app named by its model label and id (a consultation booking), whose preparer
    # finds the address.
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    # Mails of other apps go to a person of the registry (a forwarded funding call) or to a
    # user of the site (a project deadline for its owner).
    person = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Labels of the kinds other apps register (``outbox.register_preparer``).
    other_kind_labels: ClassVar[dict[str, Any]] = {}

    subject_type = models.CharField(max_length=60, blank=True, default="")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The kinds above are the events' and the registry's; other apps register theirs with the
    # outbox (``outbox.register_preparer(kind, preparer, label)``), so the column has no
    # fixed choices.
    kind = models.CharField(_("Art"), max_length=30)
    # What makes a repeated kind a new mail (the agenda it announces); empty for one-off kinds.
    occasion = models.CharField(_("Anlass"), max_length=200, blank=True, default="")
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Versendet am"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    # Set when the mail no longer applies (an offer for a registration that was cancelled).
    skipped = models.BooleanField(_("Entfallen"), default=False)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)
    # Set when the last allowed attempt failed: no more tries, shown to staff.
    failed_at = models.DateTimeField(_("Endgültig fehlgeschlagen am"), null=True, blank=True)
    # A worker sending it holds it until then; another may take over after (a crashed worker).
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Veranstaltungsmail")
        verbose_name_plural = _("Veranstaltungsmails")
        indexes = [models.Index(fields=["sent_at", "attempts"], name="eventmail_pending_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "occasion"],
                condition=~models.Q(kind="link"),
                name="eventmail_once_per_occasion",
            ),
            models.UniqueConstraint(
                fields=["invitation", "kind"], name="eventmail_once_per_invitation"
            ),
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind", "occasion"],
                condition=models.Q(subject_id__isnull=False),
                name="eventmail_once_per_subject_occasion",
            ),
            models.CheckConstraint(
                condition=ONE_RECIPIENT,
                name="eventmail_one_recipient",
            ),
        ]

    def __str__(self) -> str:
        owner = self.registration or self.invitation or self.person or self.user
        return f"{self.kind_label} – {owner or f'{self.subject_type} {self.subject_id}'}"

    @property
    def kind_label(self) -> str:
        if self.kind in self.Kind.values:
            return str(self.Kind(self.kind).label)
        return str(self.other_kind_labels.get(self.kind, self.kind))
