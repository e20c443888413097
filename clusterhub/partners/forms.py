from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation


class SuggestionFilterForm(KernFormMixin, forms.Form):
    marks_optional = False

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
    city = forms.CharField(label=_("Ort oder Region"), required=False, max_length=120)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Own ids: the panel sits on the organisation page beside other forms.
        kwargs.setdefault("auto_id", "partners_%s")
        super().__init__(*args, **kwargs)


class NeedSearchForm(SuggestionFilterForm):
    q = forms.CharField(
        label=_("Wer kann helfen bei …"),
        required=False,
        max_length=500,
        help_text=_("Beschreiben Sie den Bedarf in eigenen Worten, deutsch oder englisch."),
    )
    field_order = ["q", "cluster", "kind", "city"]


class IntroductionForm(KernFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Im Namen des Clusters"),
        queryset=Cluster.objects.none(),
        help_text=_(
            "Die Vorstellung wird bei beiden Organisationen als Kontakt dieses Clusters vermerkt."
        ),
    )

    def __init__(self, *args: Any, clusters: QuerySet[Cluster], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cluster_field = self.fields["cluster"]
        assert isinstance(cluster_field, forms.ModelChoiceField)
        cluster_field.queryset = clusters
        if clusters.count() == 1:
            cluster_field.initial = clusters.first()
