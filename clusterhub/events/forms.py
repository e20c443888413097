"""Registration and calendar filter forms; German labels and errors, KERN classes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.countries import country_choices, current_country_names
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import CountrySelect, FastSelect
from clusterhub.directory.models import Consent
from clusterhub.events.access import public_events
from clusterhub.events.services import RegistrationData
from clusterhub.taxonomy.models import Theme


class CountryField(forms.ChoiceField):
    """A select of ISO 3166 countries by name; accepts the code in either case."""

    def __init__(self, **kwargs: Any) -> None:
        self.all_countries = "choices" not in kwargs
        if self.all_countries:
            kwargs["choices"] = country_choices
            # About 250 options: through one template each they were most of the event page's
            # time, which every registrant loads before posting (the rush's bottleneck); the
            # options are the same for every registrant and rendered once.
            kwargs.setdefault("widget", CountrySelect)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Bitte wählen Sie ein Land aus der Liste.")},
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).strip().upper()

    def valid_value(self, value: Any) -> bool:
        # A look-up in the cached names rather than a walk through every normalised choice.
        if self.all_countries:
            return str(value) in current_country_names()
        return super().valid_value(value)


class RegistrationForm(KernFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=100)
    last_name = forms.CharField(label=_("Nachname"), max_length=100)
    email = forms.EmailField(
        label=_("E-Mail"),
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse ein.")},
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    country = CountryField(label=_("Land"), initial="DE")
    consent = forms.BooleanField(
        label=_(
            "Ich willige ein, dass die Wirtschaftsförderung Mannheim meine Angaben zur "
            "Organisation dieser Veranstaltung verarbeitet (Zweck: Veranstaltungsorganisation)."
        ),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir die Anmeldung nicht annehmen.")
        },
    )

    consent_purpose = Consent.Purpose.EVENTS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "country"):
            self.fields[name].error_messages["required"] = _("Bitte füllen Sie dieses Feld aus.")
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def registration_data(self, language: str) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            organisation_name=data.get("organisation") or "",
            country=data["country"].upper(),
            language=language,
        )


class ManualRegistrationForm(RegistrationForm):
    """Staff add a participant by hand; consent is confirmed by the staff member."""

    consent = forms.BooleanField(
        label=_("Die Person hat in die Verarbeitung zur Veranstaltungsorganisation eingewilligt."),
        error_messages={"required": _("Bitte bestätigen Sie die Einwilligung der Person.")},
    )


class CalendarFilterForm(KernFormMixin, forms.Form):
    marks_optional = False

    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Cluster"),
        widget=FastSelect,
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        # An event's own themes and its clusters' focus themes: few events name themes of
        # their own, and a filter without options helps nobody.
        queryset=Theme.objects.filter(
            Q(events__in=public_events()) | Q(clusters__events__in=public_events())
        )
        .distinct()
        .order_by("label_de"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Themen"),
        widget=FastSelect,
    )


class RegistrantReviewForm(KernFormMixin, forms.Form):
    """Staff's decision on one registrant: a record's number, "new" or "keep", for each."""

    person = forms.CharField(label=_("Person"), max_length=20)
    organisation = forms.CharField(label=_("Organisation"), max_length=20, initial="keep")
