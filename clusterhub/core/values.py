"""Plain values onto a model instance: what services do with a form's cleaned data.

Services take cleaned data (a mapping of field name to value), never the form, so they do
not import ``forms.py`` and a console command or a test can call them with a plain dict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import models


def model_field_names(model: type[models.Model], values: Mapping[str, Any]) -> list[str]:
    """The names in ``values`` that are fields of ``model`` (its own and many-to-many), in
    the order given: the fields a service writes and audits."""
    fields = {field.name for field in model._meta.get_fields()}
    return [name for name in values if name in fields]


def assign_values(instance: models.Model, values: Mapping[str, Any]) -> Callable[[], None]:
    """Set ``instance``'s own fields named in ``values`` (other names are left to the caller).
    Many-to-many values need the row saved first: the returned function sets them; call it
    after ``instance.save()``."""
    many_to_many: dict[str, Any] = {}
    meta = instance._meta
    for name in model_field_names(type(instance), values):
        field = meta.get_field(name)
        if field.many_to_many and not field.auto_created:
            many_to_many[name] = values[name]
        elif field.concrete and not field.auto_created:
            setattr(instance, name, values[name])

    def set_many_to_many() -> None:
        for name, related in many_to_many.items():
            getattr(instance, name).set(related)

    return set_many_to_many
