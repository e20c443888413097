from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation
from clusterhub.support.models import Room

DATE = forms.DateInput(attrs={"type": "date"})
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class _WithChoices(KernFormMixin, forms.Form):
    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        rooms: QuerySet[Room] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisations.order_by("name")
        if rooms is not None:
            room_field = self.fields["room"]
            assert isinstance(room_field, forms.ModelChoiceField)
            room_field.queryset = rooms


class TenancyForm(_WithChoices):
    room = forms.ModelChoiceField(label=_("Raum"), queryset=Room.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("Mieterin (Organisation)"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    starts_on = forms.DateField(label=_("Beginn"), widget=DATE)
    ends_on = forms.DateField(label=_("Ende"), required=False, widget=DATE)
    monthly_rent = forms.DecimalField(
        label=_("Miete je Monat (EUR)"), min_value=Decimal(0), max_digits=9, decimal_places=2
    )
    notice_months = forms.IntegerField(
        label=_("Kündigungsfrist (Monate)"), min_value=0, max_value=24, initial=3
    )


class RoomBookingForm(_WithChoices):
    room = forms.ModelChoiceField(label=_("Raum"), queryset=Room.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    starts_at = forms.DateTimeField(label=_("Beginn"), widget=MOMENT)
    ends_at = forms.DateTimeField(label=_("Ende"), widget=MOMENT)
    group_size = forms.IntegerField(label=_("Personen"), min_value=1, max_value=500, initial=1)
    purpose = forms.CharField(label=_("Anlass"), max_length=300)


class WaitingListForm(_WithChoices):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), widget=FastSelect
    )
    wanted = forms.CharField(
        label=_("Gesucht"), max_length=200, help_text=_("z. B. Büro für 3 Personen, Laborplatz")
    )
