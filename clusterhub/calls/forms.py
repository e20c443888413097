"""Parsing the calls pages: the filters, a call entered by hand, a forwarding."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.directory.models import Organisation
from clusterhub.taxonomy.models import Theme


class CallFilterForm(KernFormMixin, forms.Form):
    marks_optional = False

    q = forms.CharField(label=_("Suche"), required=False)
    open_now = forms.BooleanField(label=_("Nur offene Aufrufe"), required=False)
    within_weeks = forms.IntegerField(
        label=_("Frist in den nächsten … Wochen"), required=False, min_value=0, max_value=520
    )
    programme = forms.ChoiceField(label=_("Programm"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.all(), required=False, empty_label=_("alle")
    )
    action_type = forms.ChoiceField(label=_("Maßnahmenart"), required=False)
    level = forms.ChoiceField(
        label=_("Förderebene"),
        required=False,
        choices=[("", _("alle")), *FundingCall.Level.choices],
    )

    def __init__(
        self, *args: Any, programmes: list[str], action_types: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("alle")), *((p, p) for p in programmes)]  # type: ignore[attr-defined]
        self.fields["action_type"].choices = [("", _("alle")), *((a, a) for a in action_types)]  # type: ignore[attr-defined]


def _dates(text: str) -> list[str]:
    days: list[str] = []
    for part in text.replace(";", ",").split(","):
        if part.strip():
            try:
                days.append(dt.date.fromisoformat(part.strip()).isoformat())
            except ValueError as error:
                raise forms.ValidationError(
                    _("„%(value)s“ ist kein Datum im Format JJJJ-MM-TT."),
                    params={"value": part.strip()},
                ) from error
    return sorted(days)


class FundingCallForm(KernFormMixin, forms.ModelForm):
    """A call of Land, Bund or city, entered by hand with the fields of an imported one."""

    later_deadlines_text = forms.CharField(
        label=_("Weitere Fristen"),
        required=False,
        help_text=_("Daten im Format JJJJ-MM-TT, durch Kommas getrennt."),
    )
    keywords_text = forms.CharField(
        label=_("Schlagwörter"), required=False, help_text=_("Durch Kommas getrennt.")
    )
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = FundingCall
        fields = [
            "level",
            "programme",
            "identifier",
            "title",
            "text",
            "deadline",
            "budget_min",
            "budget_max",
            "expected_grants",
            "action_type",
            "themes",
            "url",
        ]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["later_deadlines_text"].initial = ", ".join(self.instance.later_deadlines)
            self.fields["keywords_text"].initial = ", ".join(self.instance.keywords)

    def clean_later_deadlines_text(self) -> list[str]:
        return _dates(self.cleaned_data.get("later_deadlines_text") or "")

    def clean_keywords_text(self) -> list[str]:
        text = self.cleaned_data.get("keywords_text") or ""
        return [word.strip() for word in text.split(",") if word.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("budget_min"), data.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", _("Das Höchstbudget liegt unter dem Mindestbudget."))
        return data

    def unsaved_call(self) -> FundingCall:
        call: FundingCall = self.save(commit=False)
        call.later_deadlines = self.cleaned_data["later_deadlines_text"]
        call.keywords = self.cleaned_data["keywords_text"]
        if not call.pk:
            call.source = FundingCall.Source.MANUAL
        return call


class ForwardForm(KernFormMixin, forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisationen"), queryset=Organisation.objects.none(), required=False
    )
    segment_cluster = forms.ModelChoiceField(
        label=_("Alle Mitglieder des Clusters"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("keines"),
    )
    segment_theme = forms.ModelChoiceField(
        label=_("Alle Organisationen zum Thema"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("keines"),
    )
    cluster = forms.ModelChoiceField(
        label=_("Versandt für"),
        queryset=Cluster.objects.none(),
        help_text=_("Der Kontakt wird bei diesem Cluster vermerkt."),
    )
    message = forms.CharField(
        label=_("Persönliche Nachricht"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        sender_clusters: QuerySet[Cluster],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["cluster"].queryset = sender_clusters  # type: ignore[attr-defined]
        if sender_clusters.count() == 1:
            self.fields["cluster"].initial = sender_clusters.first()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (
            data.get("organisations") or data.get("segment_cluster") or data.get("segment_theme")
        ):
            raise forms.ValidationError(
                _("Bitte Organisationen oder eine Gruppe (Cluster, Thema) wählen.")
            )
        return data
