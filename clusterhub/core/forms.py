"""Form glue so every Django form renders with KERN UX classes and accessible hints."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from clusterhub.core.widgets import FastSelect

INPUT_CLASS: dict[type[forms.Widget], str] = {
    forms.Select: "kern-form-input__select",
    FastSelect: "kern-form-input__select",
    forms.SelectMultiple: "kern-form-input__select",
    forms.CheckboxInput: "kern-form-check__checkbox",
}


class KernFormMixin:
    """Adds KERN classes and ties hints and errors to inputs with aria-describedby."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            css = INPUT_CLASS.get(type(field.widget), "kern-form-input__input")
            field.widget.attrs.setdefault("class", css)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[name].widget  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
                bound_id = self[name].auto_id  # type: ignore[index]
                described_by = [f"{bound_id}_error"]
                if self.fields[name].help_text:  # type: ignore[attr-defined]
                    described_by.append(f"{bound_id}_helptext")
                widget.attrs["aria-describedby"] = " ".join(described_by)


class KernAuthenticationForm(KernFormMixin, AuthenticationForm):
    pass
