"""``clusterhub schedule``: files in, a checked schedule out, exit codes as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scheduling_factories import event

from clusterlogic.cli import main as clusterhub
from clusterlogic.scheduling import Assignment, Meeting, Participant, find_rule_violations
from clusterlogic.scheduling.json_format import instance_from_json, instance_to_json
from clusterlogic.scheduling.synthetic import synthetic_instance


def _write(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_writes_a_schedule_that_keeps_the_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = synthetic_instance(seed=7, participants=25, meetings=50, days=1)
    path = _write(tmp_path / "event.json", instance_to_json(instance))
    assert clusterhub(["schedule", path, "--time-limit", "1", "--workers", "1"]) == 0
    schedule = json.loads(capsys.readouterr().out)
    reread = instance_from_json(json.loads(Path(path).read_text()))
    assignments = [(a["meeting"], a["slot"], a["table"]) for a in schedule["assignments"]]
    assert find_rule_violations(reread, [Assignment(*a) for a in assignments]) == []
    assert schedule["stats"]["scheduled"] == len(assignments)
    assert schedule["stats"]["weight"] <= schedule["stats"]["upper_bound"]


def test_invalid_instance_exits_2_and_writes_nothing_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = event(meetings=(("a", "ghost"),))
    path = _write(tmp_path / "event.json", instance_to_json(instance))
    assert clusterhub(["schedule", path]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "m1 has unknown participants ghost" in err


def test_infeasible_required_meetings_exit_2_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = event(
        slots=1,
        participants=(Participant("a", max_meetings=1), "b", "c"),
        meetings=(
            Meeting("ab", ("a", "b"), required=True),
            Meeting("ac", ("a", "c"), required=True),
        ),
    )
    path = _write(tmp_path / "event.json", instance_to_json(instance))
    assert clusterhub(["schedule", path, "--time-limit", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "a has 2 required meetings (ab, ac) but max_meetings 1" in err


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert clusterhub(["schedule", str(tmp_path / "broken.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_pinned_schedule_is_kept_and_released_pins_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    instance = event(
        slots=3,
        tables=("T1",),
        participants=(Participant("a", available=frozenset({"s0", "s1"})), "b", "c"),
        meetings=(("a", "b"), ("b", "c")),
    )
    path = _write(tmp_path / "event.json", instance_to_json(instance))
    earlier = {
        "assignments": [
            {"meeting": "m1", "slot": "s2", "table": "T1"},
            {"meeting": "m2", "slot": "s0", "table": "T1"},
        ]
    }
    pinned = _write(tmp_path / "earlier.json", earlier)
    assert clusterhub(["schedule", path, "--pinned", pinned, "--time-limit", "1"]) == 0
    out, err = capsys.readouterr()
    assignments = {a["meeting"]: a["slot"] for a in json.loads(out)["assignments"]}
    assert assignments == {"m1": "s1", "m2": "s0"}
    assert "pinned m1 released: a not available in s2" in err
