"""Organisations, their cluster memberships, and the people who work there."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def display_name(name: str, legal_form: str) -> str:
    form = " ".join(legal_form.split())
    if not form:
        return name
    as_words = r"(?<!\w)" + re.escape(form).replace(r"\ ", r"\s+") + r"(?!\w)"
    if re.search(as_words, name, flags=re.IGNORECASE):
        return name
    return f"{name} {form}"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        STARTUP = "startup", _("Start-up")
        SME = "sme", _("KMU")
        LARGE = "large", _("Großunternehmen")
        RESEARCH = "research", _("Forschungseinrichtung")
        UNIVERSITY = "university", _("Hochschule")
        PUBLIC = "public", _("Öffentliche Einrichtung")
        ASSOCIATION = "association", _("Kammer, Verband, Gewerkschaft")
        SOCIAL = "social", _("Sozialunternehmen")
        WELFARE = "welfare", _("Wohlfahrtsorganisation")

    class SizeBand(models.TextChoices):
        MICRO = "micro", _("1–9 Beschäftigte")
        SMALL = "small", _("10–49 Beschäftigte")
        MEDIUM = "medium", _("50–249 Beschäftigte")
        LARGE = "large", _("250–999 Beschäftigte")
        VERY_LARGE = "very_large", _("1.000 und mehr Beschäftigte")

    class Status(models.TextChoices):
        PROSPECT = "prospect", _("Interessent")
        MEMBER = "member", _("Mitglied")
        FORMER = "former", _("Ehemalig")

    name = models.CharField(_("Name"), max_length=255)
    legal_form = models.CharField(_("Rechtsform"), max_length=60, blank=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    size_band = models.CharField(_("Größe"), max_length=20, choices=SizeBand.choices, blank=True)
    founding_year = models.PositiveSmallIntegerField(
        _("Gründungsjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1200), MaxValueValidator(2100)],
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=12, blank=True)
    city = models.CharField(_("Ort"), max_length=120, blank=True)
    country = models.CharField(_("Land"), max_length=2, default="DE")
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("Website"), blank=True)
    description_de = models.TextField(_("Beschreibung (deutsch)"), blank=True)
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    offers = models.TextField(_("Bietet"), blank=True)
    seeks = models.TextField(_("Sucht"), blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("Themen"), blank=True, related_name="organisations"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PROSPECT
    )
    listed_publicly = models.BooleanField(_("Öffentlich gelistet"), default=False)
    listing_consent_at = models.DateTimeField(_("Zustimmung zur Listung am"), null=True, blank=True)
    cordis_pic = models.CharField(_("CORDIS-PIC"), max_length=20, blank=True, db_index=True)
    # Denormalised text for the typo-tolerant search (trigram index on both databases).
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        indexes = [
            models.Index(fields=["name", "id"], name="org_name_idx"),
            models.Index(fields=["kind", "name"], name="org_kind_name_idx"),
            models.Index(fields=["status", "name"], name="org_status_name_idx"),
            models.Index(fields=["city", "name"], name="org_city_name_idx"),
            models.Index(fields=["listed_publicly", "name"], name="org_public_name_idx"),
            models.Index(fields=["-updated_at"], name="org_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name with its legal form, once: most registry names already end in it
        ("Agriflow GmbH"), so the form is appended only when the name lacks it."""
        return display_name(self.name, self.legal_form)

    @property
    def description(self) -> str:
        if (get_language() or "de").startswith("en") and self.description_en:
            return self.description_en
        return self.description_de


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Mitglied")
        FOUNDING = "founding", _("Gründungsmitglied")
        BOARD = "board", _("Vorstand / Lenkungskreis")
        PARTNER = "partner", _("Partner")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    started_on = models.DateField(_("Seit"), null=True, blank=True)
    ended_on = models.DateField(_("Bis"), null=True, blank=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        indexes = [models.Index(fields=["cluster", "organisation"], name="membership_cluster_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="membership_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.cluster}"


class Person(models.Model):
    class Language(models.TextChoices):
        DE = "de", _("Deutsch")
        EN = "en", _("Englisch")

    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("E-Mail"), blank=True, db_index=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("Bevorzugte Sprache"), max_length=2, choices=Language.choices, default=Language.DE
    )
    organisations: models.ManyToManyField[Organisation, Affiliation] = models.ManyToManyField(
        Organisation, through="Affiliation", related_name="people", blank=True
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)
    # Set by the DSGVO erasure: the row stays, anonymised, so that the registrations and
    # meeting requests that point at it (and past attendance figures) stay whole.
    erased_at = models.DateTimeField(_("Gelöscht am"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        indexes = [models.Index(fields=["last_name", "first_name"], name="person_name_idx")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return str(self)


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    function = models.CharField(_("Funktion"), max_length=120, blank=True)
    is_primary = models.BooleanField(_("Hauptkontakt"), default=False)

    class Meta:
        verbose_name = _("Zugehörigkeit")
        verbose_name_plural = _("Zugehörigkeiten")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], name="affiliation_unique_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"


class Consent(models.Model):
    """A person's consent for one purpose: given when, from which source, withdrawn when."""

    class Purpose(models.TextChoices):
        NEWSLETTER = "newsletter", _("Newsletter und Einladungen")
        EVENTS = "events", _("Veranstaltungsorganisation")
        MATCHING = "matching", _("Vermittlung von Partnern")
        CONTACT_SHARING = "contact_sharing", _("Weitergabe der Kontaktdaten an Partner")
        PHOTOS = "photos", _("Fotos bei Veranstaltungen")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("Zweck"), max_length=30, choices=Purpose.choices)
    given_at = models.DateTimeField(_("Erteilt am"))
    source = models.CharField(_("Quelle"), max_length=200)
    withdrawn_at = models.DateTimeField(_("Widerrufen am"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
