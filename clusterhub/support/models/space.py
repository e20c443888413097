"""Incubator space: the founders' centres' buildings, their rooms and desks, tenancies, the
waiting list, and bookings of meeting rooms and of the demonstrator."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from clusterhub.core.validators import validate_one_line


class Building(models.Model):
    """A founders' centre the agency runs or works with (CUBEX 41, CUBEX ONE, MAFINEX)."""

    name = models.CharField(_("Name"), max_length=200, validators=[validate_one_line])
    slug = models.SlugField(_("Kurzname"), unique=True)
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    focus = models.CharField(_("Schwerpunkt"), max_length=300, blank=True)
    cluster = models.ForeignKey(
        "clusters.Cluster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buildings",
        verbose_name=_("Cluster"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gründungszentrum")
        verbose_name_plural = _("Gründungszentren")

    def __str__(self) -> str:
        return self.name


class Room(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("Büro")
        DESK = "desk", _("Arbeitsplatz (Coworking)")
        LAB = "lab", _("Labor / Werkstatt")
        MEETING = "meeting", _("Besprechungsraum")
        DEMONSTRATOR = "demonstrator", _("Demonstrator")

    building = models.ForeignKey(Building, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("Bezeichnung"), max_length=120, validators=[validate_one_line])
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    size_sqm = models.DecimalField(_("Größe (m²)"), max_digits=7, decimal_places=1)
    monthly_price = models.DecimalField(
        _("Miete je Monat (EUR)"), max_digits=9, decimal_places=2, default=0
    )
    # Meeting rooms and the demonstrator are booked by the hour, the others let by contract.
    capacity = models.PositiveSmallIntegerField(_("Plätze"), default=1)

    class Meta:
        ordering = ["building__name", "name"]
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")
        constraints = [
            models.UniqueConstraint(fields=["building", "name"], name="room_name_per_building")
        ]

    def __str__(self) -> str:
        return f"{self.building.name} – {self.name}"

    @property
    def is_bookable(self) -> bool:
        return self.kind in {self.Kind.MEETING, self.Kind.DEMONSTRATOR}


class Tenancy(models.Model):
    """An organisation rents a room from … to … (open-ended: until notice)."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="tenancies")
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="tenancies",
        verbose_name=_("Organisation"),
    )
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    notice_months = models.PositiveSmallIntegerField(_("Kündigungsfrist (Monate)"), default=3)
    monthly_rent = models.DecimalField(_("Miete je Monat (EUR)"), max_digits=9, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["room", "starts_on"]
        verbose_name = _("Mietvertrag")
        verbose_name_plural = _("Mietverträge")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="tenancy_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} – {self.organisation}"


class WaitingListEntry(models.Model):
    """A start-up waiting for space in a building."""

    building = models.ForeignKey(Building, on_delete=models.CASCADE, related_name="waiting_list")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, verbose_name=_("Organisation")
    )
    wanted = models.CharField(_("Gesucht"), max_length=200)
    since = models.DateField(_("Wartet seit"))
    placed_at = models.DateTimeField(_("Untergebracht am"), null=True, blank=True)

    class Meta:
        ordering = ["since", "pk"]
        verbose_name = _("Eintrag auf der Warteliste")
        verbose_name_plural = _("Warteliste")

    def __str__(self) -> str:
        return f"{self.building} – {self.organisation}"


class RoomBooking(models.Model):
    """A meeting room or a demonstrator visit, requested and then confirmed or declined; two
    confirmed bookings of one room never overlap."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Angefragt")
        CONFIRMED = "confirmed", _("Bestätigt")
        DECLINED = "declined", _("Abgelehnt")

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="bookings")
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="room_bookings",
        verbose_name=_("Organisation"),
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    group_size = models.PositiveSmallIntegerField(_("Personen"), default=1)
    purpose = models.CharField(_("Anlass"), max_length=300, validators=[validate_one_line])
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("Raumbuchung")
        verbose_name_plural = _("Raumbuchungen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="room_booking_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} – {self.starts_at:%Y-%m-%d %H:%M}"
