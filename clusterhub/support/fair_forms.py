from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation

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
