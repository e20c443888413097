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
from clusterhub.support import ewc
from clusterhub.support.models import MaterialStream


class StreamForm(KernFormMixin, forms.ModelForm[MaterialStream]):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    tonnes_per_year = forms.DecimalField(
        label=_("Menge (t/Jahr)"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )

    # Typed as people write it ("17 04 05*"); stored as its six digits.
    ewc_code = forms.CharField(label=_("Abfallschlüssel (AVV)"), max_length=12)

    class Meta:
        model = MaterialStream
        fields = [
            "organisation",
            "kind",
            "material",
            "ewc_code",
            "tonnes_per_year",
            "quality",
            "city",
            "available_from",
            "accepts",
            "accepts_hazardous",
        ]
        widgets = {"available_from": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "accepts": _("Nur für einen Bedarf: welche Schlüssel er noch annimmt."),
        }

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisations.order_by("name")
        self.fields["ewc_code"].help_text = _(
            "Sechsstellig nach Abfallverzeichnis, z. B. 17 04 05 (Eisen und Stahl)"
        )

    def clean_ewc_code(self) -> str:
        return ewc.lookup(self.cleaned_data["ewc_code"]).code


class IntroduceForm(forms.Form):
    offer = forms.IntegerField()
    need = forms.IntegerField()
    cluster = forms.ModelChoiceField(queryset=Cluster.objects.none())

    def __init__(self, *args: Any, clusters: QuerySet[Cluster], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cluster_field = self.fields["cluster"]
        assert isinstance(cluster_field, forms.ModelChoiceField)
        cluster_field.queryset = clusters
