from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.countries import country_choices
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Consent, Membership, Organisation, Person
from clusterhub.directory.queries import SORTS
from clusterhub.taxonomy.models import Theme


class OrganisationFilterForm(KernFormMixin, forms.Form):
    marks_optional = False

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


GERMAN_POSTCODE = re.compile(r"\d{5}")


class OrganisationForm(KernFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    # The same country picker as the event registration: names, not ISO codes, to choose from.
    country = forms.ChoiceField(
        label=_("Land"),
        choices=country_choices,
        initial="DE",
        widget=FastSelect,
        error_messages={"invalid_choice": _("Bitte wählen Sie ein Land aus der Liste.")},
    )

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
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        postcode = " ".join(str(data.get("postcode") or "").split())
        if postcode and data.get("country") == "DE" and not GERMAN_POSTCODE.fullmatch(postcode):
            self.add_error(
                "postcode", _("Eine deutsche Postleitzahl hat fünf Ziffern, z. B. 68161.")
            )
        return data


class MemberProfileForm(OrganisationForm):
    """What a member organisation may change about itself: not its status, and not the map
    position (a member would have to look up coordinates; staff keep them)."""

    class Meta(OrganisationForm.Meta):
        fields = [
            f for f in OrganisationForm.Meta.fields if f not in {"status", "latitude", "longitude"}
        ]


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
