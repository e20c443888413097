from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation
from clusterhub.support.models import MentoringCase

DATE = forms.DateInput(attrs={"type": "date"})


class CaseForm(KernFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Unternehmen"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none())
    need = forms.CharField(
        label=_("Bedarf"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("z. B. Auftragsabwicklung digitalisieren, Maschinendaten auswerten"),
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        clusters: QuerySet[Cluster],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        cluster = self.fields["cluster"]
        assert isinstance(organisation, forms.ModelChoiceField)
        assert isinstance(cluster, forms.ModelChoiceField)
        organisation.queryset = organisations.order_by("name")
        cluster.queryset = clusters


class SessionForm(KernFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Am"), widget=DATE)
    topics = forms.CharField(label=_("Themen"), widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.CharField(label=_("Nächster Schritt"), max_length=300, required=False)
    stage = forms.ChoiceField(label=_("Stand danach"), choices=MentoringCase.Stage.choices)


class IntroduceForm(KernFormMixin, forms.Form):
    specialist = forms.ModelChoiceField(
        label=_("Fachleute aus dem Netzwerk"),
        queryset=Organisation.objects.none(),
        widget=FastSelect,
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["specialist"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations.order_by("name")
