from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.insight.models import Report
from clusterhub.insight.periods import (
    LAST_TWELVE_MONTHS,
    calendar_year,
    last_twelve_months,
    today,
)
from clusterlogic.insight.figures import Period


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


class PeriodForm(KernFormMixin, forms.Form):
    marks_optional = False

    period = forms.ChoiceField(label=_("Zeitraum"), required=False)
    start = forms.DateField(
        label=_("von"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = today().year
        choices: list[tuple[str, object]] = [(LAST_TWELVE_MONTHS, _("Letzte zwölf Monate"))]
        choices += [(str(y), str(y)) for y in range(year, year - 5, -1)]
        choices += [("custom", _("Eigener Zeitraum (von – bis)"))]
        period = self.fields["period"]
        assert isinstance(period, forms.ChoiceField)
        period.choices = choices

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Bitte Beginn und Ende angeben."))
            if end < start:
                raise forms.ValidationError(_("Das Ende liegt vor dem Beginn."))
        return data

    def chosen(self) -> Period:
        """The period asked for; the last twelve months when nothing (valid) was asked."""
        if not self.is_valid():
            return last_twelve_months()
        choice = self.cleaned_data.get("period") or LAST_TWELVE_MONTHS
        if choice == "custom":
            return Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])
        if choice.isdigit():
            return calendar_year(int(choice))
        return last_twelve_months()
