"""Form glue so every Django form renders with KERN UX classes and accessible hints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clusterhub.core.widgets import DateAndTimeWidget, FastSelect, FastSelectMultiple

T = TypeVar("T")

INPUT_CLASS: dict[type[forms.Widget], str] = {
    forms.Select: "kern-form-input__select",
    FastSelect: "kern-form-input__select",
    # KERN has no multiple select; its single-select frame is one row high.
    FastSelectMultiple: "multi-select",
    forms.CheckboxInput: "kern-form-check__checkbox",
}


class KernFormMixin:
    """Adds KERN classes and ties hints and errors to inputs with aria-describedby.

    Every plain multiple select becomes a ``FastSelectMultiple``, so a model form's
    many-to-many fields show all their chosen values. Filter forms set ``marks_optional``
    to False: there every field is optional, and saying so on each is noise.
    """

    marks_optional = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if type(field.widget) is forms.SelectMultiple:
                multiple = FastSelectMultiple(attrs=field.widget.attrs)
                multiple.choices = field.widget.choices
                multiple.is_required = field.widget.is_required
                field.widget = multiple
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


class DateAndTimeField(forms.SplitDateTimeField):
    """A point in time entered as a date and a time in two pickers (local time)."""

    widget = DateAndTimeWidget

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_date_formats", ["%Y-%m-%d", "%d.%m.%Y"])
        kwargs.setdefault("input_time_formats", ["%H:%M", "%H:%M:%S", "%H.%M"])
        super().__init__(**kwargs)
        self.error_messages |= {
            "required": _("Bitte Datum und Uhrzeit angeben."),
            "incomplete": _("Bitte Datum und Uhrzeit angeben."),
            "invalid_date": _("Bitte ein gültiges Datum angeben, z. B. 04.05.2026."),
            "invalid_time": _("Bitte eine gültige Uhrzeit angeben, z. B. 18:00."),
        }


class KernAuthenticationForm(KernFormMixin, AuthenticationForm):
    pass


@dataclass(frozen=True)
class Accepted(Generic[T]):
    """What the service returned for a form it accepted."""

    result: T


def submit(form: forms.BaseForm, service: Callable[[dict[str, Any]], T]) -> Accepted[T] | None:
    """Hand a valid form's cleaned data to a service; None when the form or the service refused.

    A service checks the rules only it can (under its lock, against the rows as they are now)
    and says no with a ``ValidationError``. That refusal lands on the form as a non-field
    error, so the page shows it above what the person typed instead of losing the input.
    """
    if not form.is_valid():
        return None
    try:
        return Accepted(service(form.cleaned_data))
    except ValidationError as error:
        form.add_error(None, error)
        return None
