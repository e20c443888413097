"""The audit log's filter: who, what kind of object (by its German name), which action, when."""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusterhub.audit.display import actor_label
from clusterhub.audit.models import AuditEntry
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.widgets import FastSelect


def object_kind_choices() -> list[tuple[str, str]]:
    """Every model of our apps by its readable name; the log stores the internal label."""
    kinds = [
        (model._meta.label_lower, str(model._meta.verbose_name))
        for model in apps.get_models()
        if model.__module__.startswith("clusterhub.") and model is not AuditEntry
    ]
    return sorted(kinds, key=lambda kind: kind[1].lower())


class ActorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return actor_label(obj)


class AuditFilterForm(KernFormMixin, forms.Form):
    actor = ActorChoiceField(
        label=_("Wer"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("alle"),
        widget=FastSelect,
    )
    kind = forms.ChoiceField(label=_("Objektart"), required=False, widget=FastSelect)
    object = forms.CharField(label=_("Objekt (Name oder Nummer)"), required=False, max_length=200)
    action = forms.ChoiceField(
        label=_("Aktion"),
        choices=[("", _("alle")), *AuditEntry.Action.choices],
        required=False,
        widget=FastSelect,
    )
    since = forms.DateField(
        label=_("Von"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actor_field = self.fields["actor"]
        assert isinstance(actor_field, forms.ModelChoiceField)
        # People who can act in the back office: an account with a role, or a superuser.
        actor_field.queryset = (
            get_user_model()
            .objects.filter(Q(account__isnull=False) | Q(is_superuser=True))
            .order_by("last_name", "first_name", "username")
        )
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)
        kind_field.choices = [("", _("alle")), *object_kind_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("Das Ende liegt vor dem Anfang."))
        return data
