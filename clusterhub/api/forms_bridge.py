"""API payloads through the pages' own forms: the same validation, then the same service.
A PATCH sends only what changes; the rest is filled in from the stored object."""

from __future__ import annotations

from typing import Any

from django.forms import ModelForm
from django.forms.models import model_to_dict
from ninja.errors import HttpError


class InvalidPayload(HttpError):
    """422 with the form's errors by field, as the pages would show them."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(422, "invalid")
        self.errors = errors


def bound_form(
    form_class: type[ModelForm[Any]], instance: Any, payload: dict[str, Any], **kw: Any
) -> ModelForm[Any]:
    fields = list(form_class._meta.fields or [])
    data: dict[str, Any] = {}
    # A new object starts from the model's defaults, a stored one from its values.
    for name, value in model_to_dict(instance, fields=fields).items():
        if isinstance(value, list):  # many-to-many: a list of objects → their ids
            value = [getattr(item, "pk", item) for item in value]
        data[name] = "" if value is None else value
    data.update({key: value for key, value in payload.items() if key in fields})
    # A form's checkbox is unchecked by its absence; a False in JSON must mean the same.
    data = {key: value for key, value in data.items() if value is not False}
    form = form_class(data, instance=instance, **kw)
    if not form.is_valid():
        raise InvalidPayload({name: [str(e) for e in errs] for name, errs in form.errors.items()})
    return form
