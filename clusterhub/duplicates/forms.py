"""The merge form: which organisation survives, and whose value each differing field keeps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusterhub.directory.models import Organisation
from clusterhub.duplicates.services import MERGE_FIELDS, Side

FIRST, SECOND = "first", "second"


def field_label(field: str) -> str:
    return str(Organisation._meta.get_field(field).verbose_name)  # type: ignore[union-attr]


def shown_value(organisation: Organisation, field: str) -> str:
    value = getattr(organisation, field)
    if isinstance(value, bool):
        return str(_("ja") if value else _("nein"))
    display = getattr(organisation, f"get_{field}_display", None)
    if display is not None and value:
        return str(display())
    return "" if value is None else str(value)


class MergeForm(forms.Form):
    survivor = forms.ChoiceField(
        label=_("Dieser Eintrag bleibt"),
        widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
        initial=FIRST,
    )

    def __init__(self, first: Organisation, second: Organisation, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.first, self.second = first, second
        survivor = self.fields["survivor"]
        assert isinstance(survivor, forms.ChoiceField)
        survivor.choices = [
            (FIRST, first.display_name),
            (SECOND, second.display_name),
        ]
        self.differing: list[str] = []
        for field in MERGE_FIELDS:
            shown = shown_value(first, field), shown_value(second, field)
            if shown[0] == shown[1]:
                continue
            self.differing.append(field)
            self.fields[field] = forms.ChoiceField(
                label=field_label(field),
                choices=[(FIRST, shown[0] or "—"), (SECOND, shown[1] or "—")],
                widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
                initial=FIRST if shown[0] else SECOND,
                # Left out: the survivor's value, or the other's where the survivor has none.
                required=False,
            )

    def rows(self) -> list[forms.BoundField]:
        return [self[field] for field in self.differing]

    def survivor_and_duplicate(self) -> tuple[Organisation, Organisation]:
        if self.cleaned_data["survivor"] == FIRST:
            return self.first, self.second
        return self.second, self.first

    def field_choices(self) -> dict[str, Side]:
        survivor_side = self.cleaned_data["survivor"]
        return {
            field: "survivor" if self.cleaned_data[field] == survivor_side else "duplicate"
            for field in self.differing
            if self.cleaned_data.get(field)
        }
