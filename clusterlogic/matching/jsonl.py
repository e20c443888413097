"""Reading the JSON-Lines inputs of ``clusterhub match``; every bad line is reported, not fatal.

Each reader returns the usable records and a list of problems, each naming the file and the
line, so that the command line can report them and still rank the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clusterlogic.matching.model import KINDS, Organisation, Query, Tie


@dataclass(frozen=True)
class Problem:
    """One input line that was skipped (or read in part), and why."""

    path: str
    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        action = "skipped" if self.skipped else "read anyway"
        return f"{self.path}:{self.line}: {self.message} ({action})"


def _records(path: Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a file with their line numbers; OSError if it cannot be read."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                # A byte-order mark (as Windows editors write) belongs to the file, not line 1.
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                problems.append(Problem(str(path), number, f"not UTF-8 ({error.reason})"))
                continue
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(Problem(str(path), number, f"not JSON ({error.msg})"))
                continue
            if not isinstance(value, dict):
                problems.append(Problem(str(path), number, "not a JSON object"))
                continue
            yield number, value


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value)


def _strings(record: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    """A list of strings (a lone string counts as a list of one); None if the field is absent."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def read_organisations(path: Path) -> tuple[list[Organisation], list[Problem]]:
    problems: list[Problem] = []
    found: list[Organisation] = []
    first_line: dict[str, int] = {}
    for number, record in _records(path, problems):
        identifier = _text(record, "id")
        if not identifier:
            problems.append(Problem(str(path), number, "organisation without id"))
            continue
        if identifier in first_line:
            message = f"duplicate id {identifier!r} (first on line {first_line[identifier]})"
            problems.append(Problem(str(path), number, message))
            continue
        kind = _text(record, "kind").lower()
        if kind and kind not in KINDS:
            message = f"unknown kind {kind!r} of {identifier!r}, read as 'other'"
            problems.append(Problem(str(path), number, message, skipped=False))
            kind = "other"
        organisation = Organisation(
            id=identifier,
            name=_text(record, "name"),
            kind=kind,
            country=_text(record, "country"),
            city=_text(record, "city"),
            text=_text(record, "text"),
            themes=_strings(record, "themes") or (),
        )
        if not any(
            (
                organisation.name,
                kind,
                organisation.country,
                organisation.city,
                organisation.text,
                organisation.themes,
            )
        ):
            problems.append(Problem(str(path), number, f"empty profile of {identifier!r}"))
            continue
        first_line[identifier] = number
        found.append(organisation)
    return found, problems


def read_ties(path: Path, known: Mapping[str, object]) -> tuple[list[Tie], list[Problem]]:
    problems: list[Problem] = []
    found: list[Tie] = []
    for number, record in _records(path, problems):
        a, b = _text(record, "a"), _text(record, "b")
        unknown = [x for x in (a, b) if x not in known]
        if not a or not b:
            problems.append(Problem(str(path), number, "tie without 'a' and 'b'"))
            continue
        if unknown:
            names = ", ".join(repr(x) for x in unknown)
            problems.append(Problem(str(path), number, f"unknown organisation {names}"))
            continue
        if a == b:
            problems.append(Problem(str(path), number, f"tie of {a!r} with itself"))
            continue
        weight = record.get("weight", 1)
        year = record.get("year")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight > 0:
            problems.append(Problem(str(path), number, f"weight {weight!r} is not positive"))
            continue
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            problems.append(Problem(str(path), number, f"year {year!r} is not a whole number"))
            continue
        found.append(Tie(a=a, b=b, weight=float(weight), year=year))
    return found, problems


def read_queries(path: Path, known: Mapping[str, object]) -> tuple[list[Query], list[Problem]]:
    problems: list[Problem] = []
    found: list[Query] = []
    first_line: dict[str, int] = {}
    for number, record in _records(path, problems):
        identifier = _text(record, "id")
        org = _text(record, "org") or None
        text = _text(record, "text")
        if not identifier:
            problems.append(Problem(str(path), number, "query without id"))
            continue
        if identifier in first_line:
            message = f"duplicate query id {identifier!r} (first on line {first_line[identifier]})"
            problems.append(Problem(str(path), number, message))
            continue
        if org is None and not text:
            problems.append(
                Problem(str(path), number, f"query {identifier!r} names no org and no text")
            )
            continue
        if org is not None and org not in known:
            problems.append(Problem(str(path), number, f"unknown organisation {org!r}"))
            continue
        kinds = _strings(record, "kinds")
        first_line[identifier] = number
        found.append(
            Query(
                id=identifier,
                org=org,
                text=text,
                kinds=None if kinds is None else frozenset(k.lower() for k in kinds),
                exclude=frozenset(_strings(record, "exclude") or ()),
            )
        )
    return found, problems
