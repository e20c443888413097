"""``clusterhub schedule``: files in, a checked schedule out, exit codes as documented."""

from __future__ import annotations

import json
import subprocess
import sys
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


def _small_instance() -> dict[str, object]:
    return instance_to_json(event(slots=2, tables=("T1",), meetings=(("a", "b"),)))


def _run_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clusterlogic.cli", "schedule", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("weight", [1e308, 1e6 + 1, -1])
def test_weight_out_of_bounds_is_a_clear_error_not_a_traceback(
    tmp_path: Path, weight: float
) -> None:
    data = _small_instance()
    data["meetings"][0]["weight"] = weight  # type: ignore[index]
    result = _run_command(_write(tmp_path / "event.json", data), "--time-limit", "5")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "m1: 'weight' must be a number from 0 to 1e+06" in result.stderr


def test_infinite_weight_written_by_another_tool_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(_small_instance()).replace('"weight": 1.0', '"weight": 1e999'))
    assert clusterhub(["schedule", str(path)]) == 2
    assert "m1: 'weight' must be a number from 0 to 1e+06, got inf" in capsys.readouterr().err


def test_largest_documented_weight_is_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _small_instance()
    data["meetings"][0]["weight"] = 1e6  # type: ignore[index]
    path = _write(tmp_path / "event.json", data)
    assert clusterhub(["schedule", path, "--time-limit", "2", "--workers", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["weight"] == 1e6


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--time-limit", "-1", "must be a finite number >= 0"),
        ("--time-limit", "nan", "must be a finite number >= 0"),
        ("--time-limit", "inf", "must be a finite number >= 0"),
        ("--time-limit", "soon", "not a number of seconds"),
        ("--workers", "-1", "must be at least 1"),
        ("--workers", "0", "must be at least 1"),
    ],
)
def test_bad_options_exit_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    path = _write(tmp_path / "event.json", _small_instance())
    assert clusterhub(["schedule", path, option, value]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"argument {option}: {message}" in err


def test_bad_option_from_the_shell_shows_no_traceback(tmp_path: Path) -> None:
    result = _run_command(_write(tmp_path / "event.json", _small_instance()), "--workers", "-1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--workers: must be at least 1" in result.stderr


@pytest.mark.parametrize("key", ["slots", "tables", "participants", "meetings"])
def test_missing_top_level_list_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    data = _small_instance()
    del data[key]
    assert clusterhub(["schedule", _write(tmp_path / "event.json", data)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"'{key}' is missing" in err
