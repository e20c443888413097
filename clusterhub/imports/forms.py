"""The upload form and the column mapping form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.imports.fields import FIELDS, Kind


class UploadForm(KernFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Was wird importiert?"), choices=Kind.choices)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.none(),
        required=False,
        help_text=_("Importierte Organisationen werden Mitglied dieses Clusters."),
    )
    file = forms.FileField(
        label=_("Datei (CSV oder XLSX)"),
        help_text=_("CSV mit Komma oder Semikolon, UTF-8 oder Windows-1252; oder eine XLSX-Datei."),
    )

    def __init__(
        self, *args: Any, clusters: QuerySet[Cluster], cluster_required: bool, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        cluster_field = self.fields["cluster"]
        assert isinstance(cluster_field, forms.ModelChoiceField)
        cluster_field.queryset = clusters
        cluster_field.required = cluster_required


class MappingForm(KernFormMixin, forms.Form):
    """One select per field: which column of the file fills it."""

    def __init__(
        self,
        *args: Any,
        kind: str,
        header: list[str],
        initial_mapping: dict[str, int],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.kind = kind
        columns = [("", _("— nicht importieren —"))] + [
            (str(index), name or f"#{index + 1}") for index, name in enumerate(header)
        ]
        for spec in FIELDS[kind]:
            initial = initial_mapping.get(spec.name)
            self.fields[spec.name] = forms.ChoiceField(
                label=str(spec.label),
                choices=columns,
                required=spec.required,
                initial="" if initial is None else str(initial),
            )

    def mapping(self) -> dict[str, int]:
        return {name: int(value) for name, value in self.cleaned_data.items() if value != ""}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [value for value in cleaned.values() if value]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Jede Spalte kann nur einem Feld zugeordnet werden."))
        return cleaned


class DecisionForm(forms.Form):
    """Merge a held row into one candidate, or create it after all (no candidate)."""

    merge_into = forms.IntegerField(required=False)
