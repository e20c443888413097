"""Forms of the participant and organiser pages (KERN UX classes via KernFormMixin)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusterhub.core.forms import KernFormMixin
from clusterhub.events.models import Event
from clusterhub.matchmaking.access import active_participants
from clusterhub.matchmaking.models import MatchmakingSession, Participant, Table
from clusterlogic.scheduling import Slot


class ProfileForm(KernFormMixin, forms.Form):
    offers = forms.CharField(label=_("Wir bieten"), required=False, widget=forms.Textarea)
    seeks = forms.CharField(label=_("Wir suchen"), required=False, widget=forms.Textarea)
    max_meetings = forms.IntegerField(
        label=_("Höchstens Treffen"), required=False, min_value=1, max_value=100
    )
    available_slots = forms.MultipleChoiceField(
        label=_("Ich bin verfügbar"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "kern-form-check__checkbox"}),
    )

    def __init__(self, *args: Any, slots: Sequence[Slot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        available = self.fields["available_slots"]
        assert isinstance(available, forms.MultipleChoiceField)
        available.choices = [
            (slot.id, f"{slot.start:%d.%m. %H:%M}–{slot.end:%H:%M}") for slot in slots
        ]


class RequestForm(KernFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Kurze Nachricht"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SessionForm(KernFormMixin, forms.ModelForm[MatchmakingSession]):
    class Meta:
        model = MatchmakingSession
        fields = [
            "name",
            "date",
            "starts_at",
            "ends_at",
            "slot_minutes",
            "break_starts_at",
            "break_ends_at",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
            "break_starts_at": forms.TimeInput(attrs={"type": "time"}),
            "break_ends_at": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        break_starts, break_ends = data.get("break_starts_at"), data.get("break_ends_at")
        if bool(break_starts) != bool(break_ends):
            self.add_error("break_ends_at", _("Eine Pause braucht Beginn und Ende."))
        elif break_starts and break_ends and break_ends <= break_starts:
            self.add_error("break_ends_at", _("Die Pause muss nach ihrem Beginn enden."))
        if not data.get("slot_minutes"):
            self.add_error("slot_minutes", _("Ein Treffen dauert mindestens eine Minute."))
        return data


class TableForm(KernFormMixin, forms.ModelForm[Table]):
    class Meta:
        model = Table
        fields = ["label", "virtual", "owner"]

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = active_participants(event).select_related("registration__person")

    def clean_label(self) -> str:
        label = str(self.cleaned_data["label"]).strip()
        if Table.objects.filter(event=self.event, label=label).exists():
            raise forms.ValidationError(_("Diesen Tisch gibt es schon."))
        return label


class TableBatchForm(KernFormMixin, forms.Form):
    count = forms.IntegerField(label=_("Anzahl Tische"), min_value=1, max_value=2000)
    virtual = forms.BooleanField(label=_("Virtuelle Tische"), required=False)


def _slot_label(slot: Slot) -> str:
    start = timezone.localtime(slot.start)
    return f"{start:%d.%m. %H:%M}–{timezone.localtime(slot.end):%H:%M}"


class MoveMeetingForm(KernFormMixin, forms.Form):
    """Where the organiser puts a meeting; the rules are checked by ``placement``."""

    slot = forms.ChoiceField(label=_("Zeitfenster"))
    table = forms.ModelChoiceField(label=_("Tisch"), queryset=Table.objects.none())

    def __init__(self, *args: Any, slots: Sequence[Slot], event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot = self.fields["slot"]
        assert isinstance(slot, forms.ChoiceField)
        slot.choices = [(s.id, _slot_label(s)) for s in slots]
        table = self.fields["table"]
        assert isinstance(table, forms.ModelChoiceField)
        table.queryset = Table.objects.filter(event=event).order_by("label", "pk")


class NoShowForm(KernFormMixin, forms.Form):
    absent = forms.ModelMultipleChoiceField(
        label=_("Nicht erschienen"),
        required=False,
        queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "kern-form-check__checkbox"}),
    )

    def __init__(self, *args: Any, pair: Sequence[Participant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        absent = self.fields["absent"]
        assert isinstance(absent, forms.ModelMultipleChoiceField)
        absent.queryset = Participant.objects.filter(pk__in=[p.pk for p in pair])


class BookingForm(forms.Form):
    """A participant's booking: slot and table come from the listed free ones."""

    slot = forms.CharField(max_length=40)
    table = forms.IntegerField(min_value=1)
