from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Consent, Membership, Organisation, Person
from clusterhub.directory.queries import SORTS
from clusterhub.taxonomy.models import Theme


class OrganisationFilterForm(KernFormMixin, forms.Form):
    q = forms.CharField(label=_("Suche"), required=False, max_length=200)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    kind = forms.ChoiceField(
        label=_("Art"),
        choices=[("", _("alle")), *Organisation.Kind.choices],
        required=False,
        widget=FastSelect,
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("alle")), *Organisation.Status.choices],
        required=False,
        widget=FastSelect,
    )
    city = forms.CharField(label=_("Ort"), required=False, max_length=120)
    sort = forms.ChoiceField(
        label=_("Sortierung"),
        required=False,
        widget=FastSelect,
        choices=[
            ("name", _("Name A–Z")),
            ("-name", _("Name Z–A")),
            ("city", _("Ort")),
            ("-updated", _("Zuletzt geändert")),
            ("founding", _("Gründungsjahr")),
        ],
    )

    def clean_sort(self) -> str:
        sort: str = self.cleaned_data.get("sort") or "name"
        return sort if sort in SORTS else "name"


class PublicDirectoryFilterForm(OrganisationFilterForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["status"]


class OrganisationForm(KernFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "legal_form",
            "kind",
            "size_band",
            "founding_year",
            "status",
            "street",
            "postcode",
            "city",
            "country",
            "latitude",
            "longitude",
            "website",
            "description_de",
            "description_en",
            "offers",
            "seeks",
            "themes",
            "listed_publicly",
        ]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "listed_publicly": _(
                "Nur ankreuzen, wenn die Organisation der Veröffentlichung zugestimmt hat."
            ),
            "country": _("Zweistelliger Ländercode nach ISO 3166, z. B. DE."),
        }

    def clean_country(self) -> str:
        country = str(self.cleaned_data["country"]).strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError(
                _("Bitte einen zweistelligen Ländercode angeben, z. B. DE.")
            )
        return country


class MemberProfileForm(OrganisationForm):
    """What a member organisation may change about itself: not its status."""

    class Meta(OrganisationForm.Meta):
        fields = [f for f in OrganisationForm.Meta.fields if f != "status"]


class PersonForm(KernFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "preferred_language"]


class MembershipForm(KernFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["cluster", "role", "started_on"]
        widgets = {"started_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, clusters: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "membership_%s")
        super().__init__(*args, **kwargs)
        cluster_field = self.fields["cluster"]
        assert isinstance(cluster_field, forms.ModelChoiceField)
        cluster_field.queryset = clusters


class ConsentForm(KernFormMixin, forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["purpose", "given_at", "source"]
        widgets = {"given_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}
        help_texts = {"source": _("Wie wurde die Einwilligung erteilt, z. B. Anmeldeformular.")}


class NewContactForm(PersonForm):
    """A new person at an organisation: their details and their function there."""

    function = forms.CharField(label=_("Funktion"), required=False, max_length=120)
