"""The import of EU topics: every line of a good file, bad lines reported with their number,
idempotent on the topic id, changed topics updated."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from clusterhub.calls.importer import read_calls
from clusterhub.calls.models import FundingCall
from tests.factories import ThemeFactory


def topic(topic_id: str, **overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "topicId": topic_id,
        "title": f"Hydrogen valleys {topic_id}",
        "programme": "Horizon Europe",
        "cluster": "CL5",
        "actionType": "IA",
        "deadline": "2027-01-20",
        "budgetMin": 1000000,
        "budgetMax": 2000000,
        "keywords": ["Hydrogen", "Energy"],
        "description": "Expected Outcome: green hydrogen for industrial clusters.",
        "portalUrl": f"https://ec.europa.eu/{topic_id}",
    }
    row.update(overrides)
    return row


def lines(*rows: object) -> list[str]:
    return [row if isinstance(row, str) else json.dumps(row) for row in rows]


def test_bad_lines_are_reported_with_their_number_and_the_rest_is_read() -> None:
    result = read_calls(
        lines(
            topic("A-1"),
            "{broken",
            topic("A-2", surprise="x"),
            topic("A-3", deadline="20.01.2027"),
            topic("A-1"),
            topic("A-4"),
        )
    )
    assert [r.identifier for r in result.records] == ["A-1", "A-4"]
    numbers = [line for line, _problem in result.problems]
    assert numbers == [2, 3, 4, 5]
    assert "surprise" in result.problems[1][1]
    assert "20.01.2027" in result.problems[2][1]
    assert "Zeile 1" in result.problems[3][1]


def _write(path: Path, rows: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    return path


@pytest.mark.django_db
def test_import_is_idempotent_and_updates_changed_calls(tmp_path: Path) -> None:
    hydrogen = ThemeFactory.create(label_de="Wasserstoff", label_en="Hydrogen")
    path = _write(tmp_path / "calls.jsonl.gz", lines(topic("A-1"), topic("A-2"), "{broken"))
    out, err = StringIO(), StringIO()
    call_command("import_calls", str(path), stdout=out, stderr=err)
    assert "2 created" in out.getvalue()
    assert ":3:" in err.getvalue()
    call = FundingCall.objects.get(identifier="A-1")
    assert call.source == FundingCall.Source.EU_PORTAL
    assert call.final_deadline == dt.date(2027, 1, 20)
    assert list(call.themes.all()) == [hydrogen]
    stamp = call.updated_at

    out = StringIO()
    call_command("import_calls", str(path), stdout=out, stderr=StringIO())
    assert "0 created, 0 updated, 2 unchanged" in out.getvalue()
    assert FundingCall.objects.get(identifier="A-1").updated_at == stamp

    _write(path, lines(topic("A-1", title="Renamed"), topic("A-2")))
    out = StringIO()
    call_command("import_calls", str(path), stdout=out, stderr=StringIO())
    assert "0 created, 1 updated, 1 unchanged" in out.getvalue()
    assert FundingCall.objects.get(identifier="A-1").title == "Renamed"
    assert FundingCall.objects.count() == 2


def test_status_comes_from_the_deadline_and_today() -> None:
    call = FundingCall(deadline=dt.date(2027, 1, 20), final_deadline=dt.date(2027, 3, 1))
    call.later_deadlines = ["2027-03-01"]
    assert call.status_on(dt.date(2027, 1, 1)) == FundingCall.Status.OPEN
    assert call.next_deadline_on(dt.date(2027, 2, 1)) == dt.date(2027, 3, 1)
    assert call.status_on(dt.date(2027, 3, 2)) == FundingCall.Status.CLOSED
    assert FundingCall().status_on(dt.date(2027, 1, 1)) == FundingCall.Status.NO_DEADLINE
