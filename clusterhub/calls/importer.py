"""Reading the EU Funding & Tenders topics file (``shared/data/calls/calls.jsonl.gz``, see
its SOURCE.md): one JSON object a line. Every line that cannot be taken — broken JSON, a
field the format does not name, a date in another format, a topic id seen before — is
reported with its number; the others are read."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

KNOWN_FIELDS = frozenset(
    (  # noqa: SIM905 - one readable string
        "topicId reference title callIdentifier callTitle programme programmeId cluster "
        "actionType typesOfAction callStatus deadline deadlineModel budgetMin budgetMax "
        "expectedGrants keywords keywordsRaw crossCuttingPriorities description "
        "expectedOutcome expectedImpact scope objective destinationText topicConditions "
        "supportInfo portalUrl qnaUrl updatesUrl documentsUrl"
    ).split()
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CallRecord:
    """One topic, as the model stores it."""

    line: int
    identifier: str
    values: dict[str, Any]
    keywords: tuple[str, ...]
    theme_text: str

    @property
    def digest(self) -> str:
        payload = json.dumps(self.values, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class ReadResult:
    records: list[CallRecord] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def open_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as lines:
        yield from lines


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _amount(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(value)
    return value


def _text(row: dict[str, Any]) -> str:
    """The call text: the topic description, else its sections, then the destination."""
    parts = [row.get("description") or ""]
    if not parts[0]:
        parts = [row.get(name) or "" for name in ("expectedOutcome", "scope", "objective")]
    parts.append(row.get("destinationText") or "")
    return "\n\n".join(part.strip() for part in parts if str(part).strip())


def _record(line: int, row: dict[str, Any]) -> CallRecord:
    deadline = _date(row.get("deadline"))
    keywords = tuple(str(k).strip() for k in row.get("keywords") or () if str(k).strip())
    identifier = str(row["topicId"]).strip()
    if not identifier:
        raise KeyError("topicId")
    values: dict[str, Any] = {
        "level": "eu",
        "programme": str(row.get("programme") or "")[:200],
        "call_identifier": str(row.get("callIdentifier") or "")[:120],
        "programme_part": str(row.get("cluster") or "")[:40],
        "title": str(row.get("title") or identifier)[:500],
        "text": _text(row),
        "deadline": deadline,
        "budget_min": _amount(row.get("budgetMin")),
        "budget_max": _amount(row.get("budgetMax")),
        "expected_grants": _amount(row.get("expectedGrants")),
        "action_type": str(row.get("actionType") or "")[:60],
        "action_type_label": str(row.get("typesOfAction") or "")[:200],
        "keywords": list(keywords),
        "url": str(row.get("portalUrl") or "")[:500],
    }
    theme_text = " ".join(
        (values["title"], " ".join(keywords), str(row.get("crossCuttingPriorities") or ""))
    )
    return CallRecord(line, identifier, values, keywords, theme_text)


def read_calls(lines: Iterable[str]) -> ReadResult:
    result = ReadResult()
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as error:
            result.problems.append((number, _("kein gültiges JSON (%(error)s)") % {"error": error}))
            continue
        if not isinstance(row, dict):
            result.problems.append((number, _("kein JSON-Objekt")))
            continue
        unknown = sorted(set(row) - KNOWN_FIELDS)
        if unknown:
            result.problems.append(
                (number, _("unbekanntes Feld: %(fields)s") % {"fields": ", ".join(unknown)})
            )
            continue
        try:
            record = _record(number, row)
        except KeyError:
            result.problems.append((number, _("topicId fehlt")))
            continue
        except ValueError as error:
            result.problems.append(
                (number, _("Datum nicht im Format JJJJ-MM-TT: %(value)s") % {"value": error})
            )
            continue
        except TypeError as error:
            result.problems.append(
                (number, _("Betrag ist keine Zahl: %(value)s") % {"value": error})
            )
            continue
        if record.identifier in seen:
            result.problems.append(
                (
                    number,
                    _("topicId %(id)s schon in Zeile %(line)d")
                    % {"id": record.identifier, "line": seen[record.identifier]},
                )
            )
            continue
        seen[record.identifier] = number
        result.records.append(record)
    return result
