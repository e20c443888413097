from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.core.forms import KernFormMixin
from clusterhub.core.validators import validate_one_line
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation


class BookingForm(KernFormMixin, forms.Form):
    """What a founder types to book a consultation; the slot comes from the radio list."""

    slot = forms.CharField(widget=forms.HiddenInput, required=True)
    name = forms.CharField(label=_("Ihr Name"), max_length=200, validators=[validate_one_line])
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    topic = forms.CharField(
        label=_("Ihr Anliegen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Worum soll es gehen? Ein paar Sätze genügen."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ich willige ein, dass die Wirtschaftsförderung Mannheim meine Angaben zur "
            "Vereinbarung, Durchführung und Nachbereitung dieses Termins verwendet und mich "
            "dazu per E-Mail kontaktiert. Ich kann den Termin jederzeit über den Link in der "
            "Bestätigung absagen."
        ),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir den Termin nicht buchen.")
        },
    )

    def clean_slot(self) -> str:
        slot: str = self.cleaned_data["slot"]
        return slot.strip()


class MoveForm(forms.Form):
    slot = forms.CharField(required=True)


class OutcomeForm(KernFormMixin, forms.Form):
    topics = forms.CharField(
        label=_("Besprochene Themen"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    next_step = forms.CharField(label=_("Nächster Schritt"), max_length=300, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=FastSelect,
        help_text=_(
            "Mit einer Organisation wird das Gespräch als Kontakt des Clusters bei ihr vermerkt."
        ),
    )
    follow_up = forms.CharField(label=_("Wiedervorlage"), max_length=300, required=False)
    follow_up_due_on = forms.DateField(
        label=_("Wiedervorlage fällig am"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisations.order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up") and not data.get("follow_up_due_on"):
            self.add_error("follow_up_due_on", _("Bitte ein Datum für die Wiedervorlage angeben."))
        if data.get("follow_up") and not data.get("organisation"):
            self.add_error(
                "organisation",
                _("Eine Wiedervorlage braucht eine Organisation, bei der sie steht."),
            )
        return data
