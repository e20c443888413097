from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation
from clusterhub.support.models import JointStand

DATE = forms.DateInput(attrs={"type": "date"})


class _WithOrganisations(KernFormMixin, forms.Form):
    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations.order_by("name")


class ApplicationForm(_WithOrganisations):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    area_sqm = forms.DecimalField(
        label=_("Fläche (m²)"),
        required=False,
        min_value=Decimal("0.5"),
        max_digits=6,
        decimal_places=1,
        help_text=_("Nötig, wenn die Kosten nach Fläche geteilt werden."),
    )
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("E-Mail der Ansprechperson"),
        required=False,
        help_text=_("Sie erhält die Erinnerungen an die Fristen."),
    )


class DeadlineForm(KernFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Frist"), max_length=200, help_text=_("z. B. Standbau-Unterlagen, Katalogeintrag")
    )
    due_on = forms.DateField(label=_("Fällig am"), widget=DATE)
    remind_days = forms.IntegerField(
        label=_("Erinnerung (Tage vorher)"), min_value=0, max_value=90, initial=7
    )


class LeadForm(_WithOrganisations):
    organisation = forms.ModelChoiceField(
        label=_("Organisation im Register"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=FastSelect,
        help_text=_(
            "Mit einer Organisation aus dem Register wird der Kontakt als Interaktion gespeichert."
        ),
    )
    organisation_name = forms.CharField(
        label=_("Oder: Name der Organisation"), max_length=300, required=False
    )
    contact = forms.CharField(label=_("Kontakt"), max_length=300, required=False)
    note = forms.CharField(
        label=_("Notiz"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class StandForm(KernFormMixin, forms.Form):
    fair = forms.CharField(
        label=_("Messe"), max_length=200, help_text=_("z. B. Hannover Messe 2027")
    )
    slug = forms.SlugField(label=_("Kurzname (für die Adresse)"), max_length=50)
    place = forms.CharField(label=_("Ort"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Erster Messetag"), widget=DATE)
    ends_on = forms.DateField(label=_("Letzter Messetag"), widget=DATE)
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none())
    places = forms.IntegerField(label=_("Plätze für Mitaussteller"), min_value=1, max_value=200)
    total_cost = forms.DecimalField(
        label=_("Gesamtkosten (EUR)"), min_value=Decimal(0), max_digits=10, decimal_places=2
    )
    cost_rule = forms.ChoiceField(label=_("Kostenteilung"), choices=JointStand.CostRule.choices)

    def __init__(self, *args: Any, clusters: QuerySet[Cluster], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["cluster"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = clusters


class OwnApplicationForm(KernFormMixin, forms.Form):
    """A member editor's application for their own organisation."""

    area_sqm = ApplicationForm.base_fields["area_sqm"]
    contact_name = ApplicationForm.base_fields["contact_name"]
    contact_email = ApplicationForm.base_fields["contact_email"]
