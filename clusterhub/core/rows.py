"""Reads by plain SQL for the few paths where building the ORM's query costs more than
running it: the public registration of an event under a rush (events.services, its page).

There a lookup of one row by its key through the ORM spends over 90 % of its time in Python,
building and compiling the query (measured: ~1.4 ms against ~0.05 ms for the same statement
run directly), and every registrant of a rush pays that several times, partly under the
event's lock. These helpers write the statement from the model's own metadata (table and
column names, so a renamed field cannot drift) and build the instance as the ORM would
(``Model.from_db``). Everything else of the site reads through the ORM.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model

ModelT = TypeVar("ModelT", bound=Model)


def columns_of(model: type[Model]) -> str:
    """The quoted column list of ``model``'s own fields, in their declared order."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    return ", ".join(f"{table}.{quote(field.column)}" for field in model._meta.concrete_fields)


def table_of(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], field_name: str) -> str:
    """The quoted column of ``model``'s field ``field_name`` (``event`` for ``event_id``)."""
    field = model._meta.get_field(field_name)
    assert field.concrete and field.column is not None, field_name
    return connection.ops.quote_name(field.column)


def one_row(
    model: type[ModelT], where: str, params: Sequence[Any], *, for_update: bool = False
) -> ModelT | None:
    """The one ``model`` row ``where`` (SQL, ``%s`` placeholders for ``params``) selects, as
    the ORM would load it; None when there is none. ``for_update`` locks it until the
    transaction ends where the database has row locks (``SELECT … FOR UPDATE``; SQLite has
    none, and its write lock is taken at ``BEGIN``, as ``core.locks`` explains)."""
    suffix = " FOR UPDATE" if for_update and connection.features.has_select_for_update else ""
    found = rows_of(model, where, params, suffix=suffix)
    return found[0] if found else None


def rows_of(
    model: type[ModelT], where: str, params: Sequence[Any], *, suffix: str = ""
) -> list[ModelT]:
    """The ``model`` rows ``where`` selects (``suffix``: ORDER BY, LIMIT …), loaded as the
    ORM would load them."""
    sql = f"SELECT {columns_of(model)} FROM {table_of(model)} WHERE {where}{suffix}"
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        found = cursor.fetchall()
    names = [field.attname for field in model._meta.concrete_fields]
    return [model.from_db(connection.alias, names, _converted(model, row)) for row in found]


# Per database vendor and model: each field's converters, found once (finding them is ORM work).
_CONVERTERS: dict[tuple[str, type[Model]], list[tuple[int, list[Any], Any]]] = {}


def _converted(model: type[Model], row: Sequence[Any]) -> list[Any]:
    """``row``'s values as the ORM hands them to a model: each field's database converters
    (SQLite returns datetimes and decimals as text, booleans as integers, JSON as text)."""
    key = (connection.vendor, model)
    if key not in _CONVERTERS:
        found = []
        for index, field in enumerate(model._meta.concrete_fields):
            expression = field.get_col(model._meta.db_table)
            converters = connection.ops.get_db_converters(
                expression
            ) + expression.get_db_converters(connection)
            if converters:
                found.append((index, converters, expression))
        _CONVERTERS[key] = found
    values = list(row)
    for index, converters, expression in _CONVERTERS[key]:
        for converter in converters:
            values[index] = converter(values[index], expression, connection)
    return values
