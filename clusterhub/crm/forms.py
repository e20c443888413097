from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.forms import KernFormMixin
from clusterhub.crm.models import Interaction


class InteractionForm(KernFormMixin, forms.ModelForm):
    follow_up = forms.CharField(label=_("Wiedervorlage: Aufgabe"), required=False, max_length=300)
    follow_up_due_on = forms.DateField(
        label=_("Wiedervorlage: fällig am"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Interaction
        fields = ["cluster", "kind", "occurred_on", "subject", "notes"]
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        # Own ids: the organisation page shows this form beside the membership form.
        kwargs.setdefault("auto_id", "note_%s")
        super().__init__(*args, **kwargs)
        clusters = clusters_managed_by(viewer)
        cluster_field = self.fields["cluster"]
        assert isinstance(cluster_field, forms.ModelChoiceField)
        cluster_field.queryset = clusters
        cluster_field.help_text = _("Notizen sind nur für das Team dieses Clusters sichtbar.")
        if clusters.count() == 1:
            cluster_field.initial = clusters.first()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up") and not data.get("follow_up_due_on"):
            self.add_error("follow_up_due_on", _("Bitte ein Fälligkeitsdatum angeben."))
        occurred_on, due_on = data.get("occurred_on"), data.get("follow_up_due_on")
        if occurred_on and occurred_on > timezone.localdate():
            # A note records a contact that took place; a planned one is a follow-up.
            self.add_error(
                "occurred_on",
                _(
                    "Der Kontakt kann nicht in der Zukunft liegen. Für einen geplanten "
                    "Termin bitte eine Wiedervorlage anlegen."
                ),
            )
        elif occurred_on and due_on and due_on < occurred_on:
            self.add_error(
                "follow_up_due_on",
                _("Die Wiedervorlage kann nicht vor dem Kontakt fällig sein."),
            )
        return data


def assignable_users() -> Any:
    return get_user_model().objects.filter(is_active=True)
