from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.insight.models import Report
from clusterhub.insight.periods import today


class ReportForm(KernFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Wirtschaftsförderung (alle Cluster)"),
    )
    year = forms.TypedChoiceField(label=_("Jahr"), coerce=int)
    file_format = forms.ChoiceField(label=_("Format"), choices=Report.Format.choices)
    language = forms.ChoiceField(
        label=_("Sprache"), choices=[("de", _("Deutsch")), ("en", _("Englisch"))]
    )

    def __init__(
        self, *args: Any, clusters: QuerySet[Cluster], leadership: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["cluster"]
        field.queryset = clusters  # type: ignore[attr-defined]
        field.required = not leadership  # a manager reports on a cluster, not the agency
        this_year = today().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - 5, -1)]  # type: ignore[attr-defined]
