"""Consultations that founders and SMEs book without an account (Exi-Gründungsberatung,
Digi-Pate first talks): an offer, its advisers' weekly availability, closed days, bookings."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ConsultationOffer(models.Model):
    """A consultation the agency offers, run by one or more advisers of a cluster."""

    name = models.CharField(_("Name"), max_length=200, validators=[validate_one_line])
    slug = models.SlugField(_("Kurzname"), unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.PROTECT,
        related_name="consultation_offers",
        verbose_name=_("Cluster"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("Dauer (Minuten)"), default=45)
    location = models.CharField(_("Ort"), max_length=200, blank=True)
    # How soon a slot may be booked at the earliest, so the adviser can prepare.
    lead_hours = models.PositiveSmallIntegerField(_("Vorlauf (Stunden)"), default=24)
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="consultation_offers", verbose_name=_("Beratende")
    )
    active = models.BooleanField(_("Buchbar"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Beratungsangebot")
        verbose_name_plural = _("Beratungsangebote")

    def __str__(self) -> str:
        return self.name


class Availability(models.Model):
    """An adviser is available for an offer every week on one day, from … to …"""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Montag")
        TUESDAY = 1, _("Dienstag")
        WEDNESDAY = 2, _("Mittwoch")
        THURSDAY = 3, _("Donnerstag")
        FRIDAY = 4, _("Freitag")
        SATURDAY = 5, _("Samstag")
        SUNDAY = 6, _("Sonntag")

    offer = models.ForeignKey(
        ConsultationOffer, on_delete=models.CASCADE, related_name="availabilities"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("Beratende Person")
    )
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    starts_at = models.TimeField(_("von"))
    ends_at = models.TimeField(_("bis"))
    valid_from = models.DateField(_("gültig ab"), null=True, blank=True)
    valid_until = models.DateField(_("gültig bis"), null=True, blank=True)

    class Meta:
        ordering = ["weekday", "starts_at"]
        verbose_name = _("Sprechzeit")
        verbose_name_plural = _("Sprechzeiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="availability_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class ClosedDay(models.Model):
    """A day an adviser is away (holiday, trade fair): no slots, whatever the week says."""

    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField(_("Tag"))
    reason = models.CharField(_("Grund"), max_length=200, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("Abwesenheit")
        verbose_name_plural = _("Abwesenheiten")
        constraints = [
            models.UniqueConstraint(fields=["adviser", "day"], name="closed_day_once_per_adviser")
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d}"


class Booking(models.Model):
    """A booked consultation. What the founder typed stays here (no registry entry is made);
    the adviser may link the organisation when recording the outcome."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Gebucht")
        CANCELLED = "cancelled", _("Storniert")

    offer = models.ForeignKey(ConsultationOffer, on_delete=models.PROTECT, related_name="bookings")
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="consultation_bookings",
        verbose_name=_("Beratende Person"),
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    name = models.CharField(_("Name"), max_length=200, validators=[validate_one_line])
    email = models.EmailField(_("E-Mail"))
    topic = models.TextField(_("Anliegen"), max_length=2000)
    language = models.CharField(max_length=5, default="de")
    # Consent with purpose and date (DSGVO Art. 7): what the address may be used for.
    consent_purpose = models.CharField(_("Zweck der Einwilligung"), max_length=300)
    consent_at = models.DateTimeField(_("Eingewilligt am"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("Gebucht am"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("Storniert am"), null=True, blank=True)
    # The adviser's record of the talk.
    outcome_topics = models.TextField(_("Besprochene Themen"), blank=True)
    outcome_next_step = models.CharField(_("Nächster Schritt"), max_length=300, blank=True)
    outcome_recorded_at = models.DateTimeField(_("Ergebnis erfasst am"), null=True, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_bookings",
        verbose_name=_("Organisation"),
    )
    interaction = models.ForeignKey(
        "crm.Interaction", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("Buchung")
        verbose_name_plural = _("Buchungen")
        indexes = [models.Index(fields=["adviser", "starts_at"], name="booking_adviser_idx")]
        constraints = [
            # The last guard against a double booking, whatever the code above it does.
            models.UniqueConstraint(
                fields=["adviser", "starts_at"],
                condition=models.Q(status="booked"),
                name="booking_one_per_adviser_and_start",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="booking_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        # No personal data: this text lands in the audit log.
        return f"{self.offer} – {self.starts_at:%Y-%m-%d %H:%M}"
